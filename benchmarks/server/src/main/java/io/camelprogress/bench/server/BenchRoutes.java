package io.camelprogress.bench.server;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** Routes of the benchmark server: the publish endpoint and the route-throughput trigger. */
public final class BenchRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // The body is made a String so progress: sends it as is instead of writing bytes as JSON.
        from("platform-http:/publish/bench?httpMethodRestrict=POST").routeId("bench-publish")
                .convertBodyTo(String.class)
                .to("progress:bench")
                // Request headers (and form fields) must not be echoed back as response headers.
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setBody(constant(""));

        // threads() moves the timed loop off the HTTP thread so SSE writes keep flowing meanwhile.
        from("platform-http:/bench/route-throughput?httpMethodRestrict=POST").routeId("bench-route-throughput")
                .threads(1, 1)
                .process(new RouteThroughputProcessor("progress:bench"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));
    }
}
