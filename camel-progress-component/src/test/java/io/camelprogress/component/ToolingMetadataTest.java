package io.camelprogress.component;

import java.io.InputStream;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What tooling reads from the jar: component.properties beside the generated JSON, and the Kamelets. */
class ToolingMetadataTest {

    private static InputStream resource(String name) {
        InputStream in = ToolingMetadataTest.class.getClassLoader().getResourceAsStream(name);
        assertNotNull(in, "no " + name + " on the classpath");
        return in;
    }

    @Test
    void componentPropertiesNameTheComponentWithTheCoordinatesOfTheJson() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/services/org/apache/camel/component.properties")) {
            properties.load(in);
        }
        JsonNode json;
        try (InputStream in = resource("META-INF/io/camelprogress/component/progress.json")) {
            json = new ObjectMapper().readTree(in).get("component");
        }
        assertEquals("progress", properties.getProperty("components"));
        assertEquals(json.get("groupId").asText(), properties.getProperty("groupId"));
        assertEquals(json.get("artifactId").asText(), properties.getProperty("artifactId"));
        assertEquals(json.get("version").asText(), properties.getProperty("version"));
        assertTrue(properties.getProperty("projectName").startsWith("camel-progress"), properties.getProperty("projectName"));
    }

    @Test
    void theKameletsAreOnClasspathKamelets() throws Exception {
        // loaded and run by Camel in the routes module's tests; here: they are in the jar, in the v1 format
        for (String name : new String[] { "progress-sink", "progress-source" }) {
            String kamelet;
            try (InputStream in = resource("kamelets/" + name + ".kamelet.yaml")) {
                kamelet = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertTrue(kamelet.startsWith("apiVersion: camel.apache.org/v1\nkind: Kamelet\nmetadata:\n  name: " + name + "\n"), kamelet);
            assertTrue(kamelet.contains("camel.apache.org/kamelet.icon: \"data:image/svg+xml;base64,"), name + " has an icon");
        }
    }
}
