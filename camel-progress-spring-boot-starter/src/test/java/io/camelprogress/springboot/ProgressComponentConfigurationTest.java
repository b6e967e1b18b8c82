package io.camelprogress.springboot;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code camel.component.progress.*} matches the component option for option: a property for each
 * option in the component's progress.json and no other, each in Spring's configuration metadata
 * (what IDEs complete) with the option's description and default.
 */
class ProgressComponentConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onePropertyPerComponentOption() throws Exception {
        Map<String, JsonNode> options = componentOptions();
        List<String> fields = new ArrayList<>();
        for (Field field : ProgressComponentConfiguration.class.getDeclaredFields()) {
            fields.add(field.getName());
        }
        assertEquals(new ArrayList<>(options.keySet()), fields, "run src/build/generate-properties.py after changing the component's options");
        assertTrue(options.size() > 40, "options read: " + options.size());
    }

    @Test
    void springMetadataDescribesEveryOption() throws Exception {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode property : read("META-INF/spring-configuration-metadata.json").get("properties")) {
            properties.put(property.get("name").asText(), property);
        }
        for (Map.Entry<String, JsonNode> option : componentOptions().entrySet()) {
            String name = "camel.component.progress." + option.getKey().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            JsonNode property = properties.get(name);
            assertNotNull(property, "no metadata for " + name);
            assertTrue(property.get("description").asText().startsWith(option.getValue().get("description").asText()),
                    name + ": " + property.get("description"));
            if (option.getValue().has("defaultValue")) {
                assertEquals(option.getValue().get("defaultValue").asText(), property.get("defaultValue").asText(), name);
            }
        }
    }

    @Test
    void optionsCarryWhatIsSetByItsCamelName() {
        ProgressComponentConfiguration configuration = new ProgressComponentConfiguration();
        configuration.setHeartbeatInterval("1s");
        configuration.setMaxConnections(5);
        assertEquals(Map.of("heartbeatInterval", "1s", "maxConnections", 5), configuration.options());
    }

    private static Map<String, JsonNode> componentOptions() throws Exception {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        JsonNode properties = read("META-INF/io/camelprogress/component/progress.json").get("componentProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            options.put(option.getKey(), option.getValue());
        }
        return options;
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = ProgressComponentConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return JSON.readTree(in);
        }
    }
}
