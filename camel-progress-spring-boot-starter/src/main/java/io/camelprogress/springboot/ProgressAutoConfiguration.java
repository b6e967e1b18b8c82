package io.camelprogress.springboot;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.transport.servlet.ProgressServlet;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The progress component on Spring Boot: bean {@code progress} with every {@code camel.component.progress.*}
 * option bound, and, in a servlet web application, its streams served on the application's own port
 * under {@code basePath} through the servlet container, so that the component opens no port of its own.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass(ProgressComponent.class)
@EnableConfigurationProperties(ProgressComponentConfiguration.class)
public class ProgressAutoConfiguration {

    /** The component, its options bound by Camel's property binding (which reads durations such as {@code 1s}). */
    @Bean(name = "progress")
    @ConditionalOnMissingBean(ProgressComponent.class)
    public ProgressComponent progressComponent(CamelContext camelContext, ProgressComponentConfiguration configuration,
            ObjectProvider<ProgressServlet> servlet) {
        ProgressComponent component = new ProgressComponent();
        component.setCamelContext(camelContext);
        PropertyBindingSupport.build().withMandatory(true).withIgnoreCase(true)
                .bind(camelContext, component, configuration.options());
        if (component.getHttpHostFactory() == null) {
            servlet.ifAvailable(component::setHttpHostFactory);
        }
        return component;
    }

    /** The servlet host, where the application has a servlet container. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({ ServletRegistrationBean.class, jakarta.servlet.http.HttpServlet.class })
    @ConditionalOnProperty(prefix = "camel.component.progress.servlet", name = "enabled", matchIfMissing = true)
    static class ServletHostConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ProgressServlet progressServlet() {
            return new ProgressServlet();
        }

        /** The servlet on the base path and below it, async, as the non-blocking transports need. */
        @Bean
        ServletRegistrationBean<ProgressServlet> progressServletRegistration(ProgressServlet servlet,
                ProgressComponentConfiguration configuration) {
            String base = configuration.getBasePath() == null ? "/progress" : configuration.getBasePath();
            while (base.length() > 1 && base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            ServletRegistrationBean<ProgressServlet> registration = new ServletRegistrationBean<>(servlet, base, base + "/*");
            registration.setName("progress");
            registration.setAsyncSupported(true);
            registration.setLoadOnStartup(1);
            return registration;
        }
    }
}
