package io.camelprogress.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference page lists every option and header that the generated metadata has. */
class ReferenceDocsTest {

    @Test
    void adocListsEveryOptionAndHeader() throws Exception {
        String adoc = Files.readString(Path.of("src/main/docs/progress-component.adoc"));
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelprogress/component/progress.json")) {
            assertNotNull(in, "generated progress.json on the classpath");
            metadata = new ObjectMapper().readTree(in);
        }
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            metadata.get(section).fieldNames().forEachRemaining(name -> {
                if (!name.equals("autowiredEnabled")) {
                    assertTrue(adoc.contains("*" + name + "*"), section + " entry " + name + " is missing from the .adoc page");
                }
            });
        }
    }
}
