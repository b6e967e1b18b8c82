package io.camelprogress.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application the Spring Boot tests start: a timer route publishes to {@code progress:sb} and
 * {@code progress:private}; the application's own Spring Security configuration lets anyone read
 * {@code sb} and only a signed-in user read {@code private}.
 */
@SpringBootApplication
public class SampleApplication {

    @Bean
    RouteBuilder progressRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:sb?period=100")
                        .setHeader("CamelProgressStreamId", constant("job1"))
                        .setBody(simple("{\"percent\":${random(0,100)}}"))
                        .to("progress:sb")
                        .to("progress:private");
                // a POST to a stream of sb: answered by the route
                from("progress:sb")
                        .setHeader("CamelHttpResponseCode", constant(201))
                        .setHeader("Content-Type", constant("text/plain"))
                        .setBody(simple("heard ${body} from ${header.CamelProgressStreamId}"));
            }
        };
    }

    /** The application's own rules: the private channel needs a user, POSTs to the streams carry no CSRF token. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/live/private/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/live/**"));
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("ann").password("{noop}secret").roles("USER").build());
    }
}
