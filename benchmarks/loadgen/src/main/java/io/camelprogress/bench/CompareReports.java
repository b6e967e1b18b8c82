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
 * Prints one table from several JSON reports: per scenario and figure, our value for each server
 * profile (tuned, defaults), Nchan's value and the ratio of each of ours to Nchan's. Used by
 * {@code compare.sh} after all runs.
 */
public final class CompareReports {

    /** Figures worth comparing, in the order they are printed; others are left out of the table. */
    private static final List<String> FIGURES = List.of(
            "serverTransport", "subscribersEstablished", "subscribersSetupMillis", "publishedPerSecond", "deliveriesPerSecond",
            "latencyP50Micros", "latencyP90Micros", "latencyP99Micros", "latencyP999Micros", "latencyMaxMicros",
            "serverCpuMicrosPerDelivery", "serverRssKiB", "bytesPerConnection", "catchUpMillis",
            "reconnectedSetupMillis", "exchangesPerSecond", "serverCpuMicrosPerExchange",
            "eventsPerSubscriberExpected", "receivedPerSubscriberMin", "receivedPerSubscriberMedian",
            "receivedPerSubscriberMax", "publishMaxLagEvents",
            "missing", "duplicates", "outOfOrder", "resets", "coalescedOrDropped", "unexpectedCloses",
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
        List<JsonObject> reports = new ArrayList<>();
        for (String file : args) {
            reports.add(new JsonObject(Files.readString(Path.of(file))).put("file", file));
        }
        System.out.print(table(reports));
    }

    /** The column a report belongs in: {@code ours-<profile>}, or its target. */
    private static String column(JsonObject report) {
        String target = report.getString("target", "?");
        String profile = report.getString("profile");
        return "ours".equals(target) && profile != null ? "ours-" + profile : target;
    }

    static String table(List<JsonObject> reports) {
        Map<String, Map<String, JsonObject>> byScenario = new LinkedHashMap<>();
        Set<String> ourColumns = new LinkedHashSet<>();
        for (JsonObject report : reports) {
            String column = column(report);
            if (!"nchan".equals(column)) {
                ourColumns.add(column);
            }
            byScenario.computeIfAbsent(report.getString("scenario", report.getString("file")), k -> new LinkedHashMap<>())
                    .put(column, report);
        }
        List<String> header = new ArrayList<>(List.of("scenario", "figure"));
        header.addAll(ourColumns);
        header.add("nchan");
        ourColumns.forEach(c -> header.add(c + "/nchan"));
        List<String[]> rows = new ArrayList<>();
        rows.add(header.toArray(String[]::new));
        byScenario.forEach((scenario, columns) -> {
            JsonObject nchan = columns.get("nchan");
            Set<String> names = new LinkedHashSet<>();
            for (String figure : FIGURES) {
                if (columns.values().stream().anyMatch(r -> r.containsKey(figure))) {
                    names.add(figure);
                }
            }
            for (String figure : names) {
                Object b = nchan == null ? null : nchan.getValue(figure);
                List<String> row = new ArrayList<>(List.of(scenario, figure));
                for (String c : ourColumns) {
                    row.add(text(columns.containsKey(c) ? columns.get(c).getValue(figure) : null));
                }
                row.add(text(b));
                for (String c : ourColumns) {
                    row.add(ratio(columns.containsKey(c) ? columns.get(c).getValue(figure) : null, b));
                }
                rows.add(row.toArray(String[]::new));
            }
        });
        int[] widths = new int[header.size()];
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
