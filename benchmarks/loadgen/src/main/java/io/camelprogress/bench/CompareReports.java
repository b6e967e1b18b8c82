package io.camelprogress.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints one table from several JSON reports: per scenario and figure, our value, Nchan's value
 * and the ratio ours/Nchan. Used by {@code compare.sh} after all runs.
 */
public final class CompareReports {

    /** Figures worth comparing, in the order they are printed; others are left out of the table. */
    private static final List<String> FIGURES = List.of(
            "subscribersEstablished", "subscribersSetupMillis", "publishedPerSecond", "deliveriesPerSecond",
            "latencyP50Micros", "latencyP90Micros", "latencyP99Micros", "latencyP999Micros", "latencyMaxMicros",
            "serverCpuMicrosPerDelivery", "serverRssKiB", "bytesPerConnection", "catchUpMillis",
            "reconnectedSetupMillis", "exchangesPerSecond", "serverCpuMicrosPerExchange",
            "missing", "duplicates", "outOfOrder", "coalescedOrDropped", "unexpectedCloses",
            "serverCoreForeignShare", "loadgenCoreForeignShare", "loadgenCpuShare", "error");

    private CompareReports() {
    }

    /**
     * Reads the given JSON report files and prints the comparison table.
     *
     * @param args report files
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Map<String, Map<String, JsonObject>> byScenario = new LinkedHashMap<>();
        for (String file : args) {
            JsonObject report = new JsonObject(Files.readString(Path.of(file)));
            byScenario.computeIfAbsent(report.getString("scenario", file), k -> new LinkedHashMap<>())
                    .put(report.getString("target", "?"), report);
        }
        System.out.print(table(byScenario));
    }

    static String table(Map<String, Map<String, JsonObject>> byScenario) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "figure", "ours", "nchan", "ours/nchan"});
        byScenario.forEach((scenario, targets) -> {
            JsonObject ours = targets.get("ours");
            JsonObject nchan = targets.get("nchan");
            Set<String> names = new LinkedHashSet<>();
            for (String figure : FIGURES) {
                if ((ours != null && ours.containsKey(figure)) || (nchan != null && nchan.containsKey(figure))) {
                    names.add(figure);
                }
            }
            for (String figure : names) {
                Object a = ours == null ? null : ours.getValue(figure);
                Object b = nchan == null ? null : nchan.getValue(figure);
                rows.add(new String[] {scenario, figure, text(a), text(b), ratio(a, b)});
            }
        });
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                out.append(i < 2 ? String.format(Locale.ROOT, "%-" + widths[i] + "s", cell)
                        : String.format(Locale.ROOT, "%" + widths[i] + "s", cell));
                out.append(i < row.length - 1 ? " | " : "\n");
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Integer || value instanceof Long) {
            return String.valueOf(value);
        }
        return value instanceof Number n ? BenchReport.format(n.doubleValue()) : String.valueOf(value);
    }

    private static String ratio(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && y.doubleValue() != 0) {
            return String.format(Locale.ROOT, "%.2f", x.doubleValue() / y.doubleValue());
        }
        return "-";
    }
}
