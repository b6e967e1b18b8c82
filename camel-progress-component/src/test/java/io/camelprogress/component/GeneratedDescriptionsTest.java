package io.camelprogress.component;

import java.io.InputStream;
import java.lang.reflect.Field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The generated metadata (what the README, the reference page, IDEs and Camel's tooling show) says
 * what the source says: the generator drops some characters (it once turned "or *" into "or "), so
 * every description is compared to its annotation.
 */
class GeneratedDescriptionsTest {

    private static JsonNode metadata() throws Exception {
        try (InputStream in = GeneratedDescriptionsTest.class.getResourceAsStream("/META-INF/io/camelprogress/component/progress.json")) {
            assertNotNull(in, "generated progress.json on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void componentOptions() throws Exception {
        JsonNode options = metadata().get("componentProperties");
        int compared = 0;
        for (Field field : ProgressComponent.class.getDeclaredFields()) {
            Metadata meta = field.getAnnotation(Metadata.class);
            if (meta != null) {
                assertEquals(meta.description(), options.get(field.getName()).get("description").asText(), field.getName());
                compared++;
            }
        }
        // Camel's own, inherited from DefaultComponent
        assertEquals(options.size() - 3, compared, "every option but autowiredEnabled, bridgeErrorHandler, lazyStartProducer");
    }

    @Test
    void endpointOptions() throws Exception {
        JsonNode options = metadata().get("properties");
        int compared = 0;
        for (Field field : ProgressEndpoint.class.getDeclaredFields()) {
            String description = field.isAnnotationPresent(UriParam.class) ? field.getAnnotation(UriParam.class).description()
                    : field.isAnnotationPresent(UriPath.class) ? field.getAnnotation(UriPath.class).description() : null;
            if (description != null) {
                assertEquals(description, options.get(field.getName()).get("description").asText(), field.getName());
                compared++;
            }
        }
        // Camel's own consumer and producer options, inherited from DefaultEndpoint
        assertEquals(options.size() - 4, compared, "every option but bridgeErrorHandler, exceptionHandler, exchangePattern, lazyStartProducer");
    }

    @Test
    void headers() throws Exception {
        JsonNode headers = metadata().get("headers");
        for (Field field : ProgressConstants.class.getDeclaredFields()) {
            Metadata meta = field.getAnnotation(Metadata.class);
            if (meta != null) {
                String name = (String) field.get(null);
                assertEquals(meta.description(), headers.get(name).get("description").asText(), name);
            }
        }
    }
}
