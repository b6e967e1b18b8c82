package io.camelprogress.routes;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/application.properties} names only options the component has (commented or not),
 * and every component option a user commonly changes is in it.
 */
class ApplicationPropertiesTest {

    private static final Pattern OPTION = Pattern.compile("^#?\\s*camel\\.component\\.progress\\.([A-Za-z]+)=", Pattern.MULTILINE);

    @Test
    void everyProgressOptionInTheExampleExistsAndTheCommonOnesAreThere() throws Exception {
        JsonNode options;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/io/camelprogress/component/progress.json")) {
            options = new ObjectMapper().readTree(in).get("componentProperties");
        }
        String example = Files.readString(Path.of("../deploy/application.properties"));
        List<String> named = new ArrayList<>();
        Matcher matcher = OPTION.matcher(example);
        while (matcher.find()) {
            String option = matcher.group(1);
            assertTrue(options.has(option), "no component option " + option);
            named.add(option);
        }
        for (String common : List.of("basePath", "port", "ticketSecret", "allowedOrigins", "trustedProxies", "maxEventsPerStream",
                "maxStreams", "heartbeatInterval", "backplane", "kafkaBrokers")) {
            assertTrue(named.contains(common), common + " is in the example");
        }
    }
}
