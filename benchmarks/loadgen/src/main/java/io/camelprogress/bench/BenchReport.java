package io.camelprogress.bench;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Ordered figures of one run, written as JSON for tools and as a text table for people. */
public final class BenchReport {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    /**
     * Adds or replaces a figure.
     *
     * @param name  figure name, camelCase
     * @param value a number, string, boolean or map
     * @return this report
     */
    public BenchReport put(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    /**
     * Removes a figure.
     *
     * @param name figure name
     */
    public void remove(String name) {
        figures.remove(name);
    }

    /**
     * Reads a figure.
     *
     * @param name figure name
     * @return the value, or null
     */
    public Object get(String name) {
        return figures.get(name);
    }

    /** @return the report as a JSON object */
    public JsonObject toJson() {
        return new JsonObject(new LinkedHashMap<>(figures));
    }

    /** @return the figures as a two-column text table */
    public String toTable() {
        int width = figures.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder out = new StringBuilder();
        figures.forEach((name, value) -> out.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n",
                name, format(value))));
        return out.toString();
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d)
                    : String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(value);
    }
}
