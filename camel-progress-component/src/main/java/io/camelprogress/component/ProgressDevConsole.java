package io.camelprogress.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelprogress.management.ProgressReport;
import io.camelprogress.management.ProgressView;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * Dev console {@code progress} (Camel Main's and JBang's {@code /q/dev/progress}, {@code camel get}):
 * for each progress component, where it serves, its streams with their subscribers per transport,
 * lagging subscribers, retained events and bytes, the backplane's position and lag, and the limits.
 * Option {@code limit} bounds the streams listed (default 100).
 */
@DevConsole(name = "progress", displayName = "Progress", description = "camel-progress streams, subscribers and backplane")
public class ProgressDevConsole extends AbstractDevConsole {

    private static final int DEFAULT_LIMIT = 100;

    public ProgressDevConsole() {
        super("camel", "progress", "Progress", "camel-progress streams, subscribers and backplane");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> report : reports(options)) {
            sb.append(ProgressReport.text(report)).append('\n');
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<Object> components = new ArrayList<>();
        for (Map<String, Object> report : reports(options)) {
            components.add(new JsonObject(report));
        }
        root.put("components", components);
        return root;
    }

    private List<Map<String, Object>> reports(Map<String, Object> options) {
        int limit = DEFAULT_LIMIT;
        Object asked = options == null ? null : options.get("limit");
        if (asked != null) {
            try {
                limit = Math.max(0, Integer.parseInt(asked.toString()));
            } catch (NumberFormatException e) {
                limit = DEFAULT_LIMIT;
            }
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            ProgressView view = component instanceof ProgressComponent progress ? progress.view() : null;
            if (view != null) {
                reports.add(ProgressReport.of(view, limit));
            }
        }
        return reports;
    }
}
