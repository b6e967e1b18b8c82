package io.camelprogress.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house is one-way, as docs/architecture.md draws it: event ← hub ← backplane / transport ←
 * transport.vertx ← component, with security (tickets, the authorizer SPI) beside hub, under
 * transport. A package imports only those below it, so there is no circle.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/io/camelprogress");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.camelprogress\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);

    /** What each package may import, besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "event", Set.of(),
            "hub", Set.of("event"),
            "backplane", Set.of("event", "hub"),
            "backplane.kafka", Set.of("event", "hub", "backplane"),
            "security", Set.of("event"),
            "transport", Set.of("event", "hub", "security"),
            "transport.vertx", Set.of("event", "hub", "security", "transport"),
            "transport.servlet", Set.of("event", "hub", "security", "transport"),
            "management", Set.of("event", "hub", "backplane", "transport"),
            "component", Set.of("event", "hub", "backplane", "backplane.kafka", "security", "transport", "transport.vertx",
                    "management"));

    @Test
    void everyPackageImportsOnlyThoseBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                assertTrue(ALLOWED.containsKey(pkg), "package " + pkg + " is not in the layer map (and in docs/architecture.md)");
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    if (!imported.equals(pkg) && !ALLOWED.get(pkg).contains(imported)) {
                        violations.add(SOURCES.relativize(file) + " imports " + imported);
                    }
                }
            }
        }
        assertTrue(files > 40, "sources found: " + files);
        assertEquals(List.of(), violations);
    }
}
