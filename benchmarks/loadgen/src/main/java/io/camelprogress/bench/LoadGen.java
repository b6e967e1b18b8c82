package io.camelprogress.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line entry point: runs one scenario against one server, prints a text table and the JSON
 * report, and writes the JSON to {@code --json} if given.
 */
public final class LoadGen {

    private LoadGen() {
    }

    /**
     * Runs the load generator.
     *
     * @param args see {@link BenchConfig#usage()}
     */
    public static void main(String[] args) {
        BenchConfig config;
        try {
            config = BenchConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchReport report = run(config);
        System.out.print(report.toTable());
        System.out.println(report.toJson().encode());
        if (config.jsonOut() != null) {
            try {
                Files.writeString(Path.of(config.jsonOut()), report.toJson().encodePrettily());
            } catch (IOException e) {
                System.err.println("cannot write " + config.jsonOut() + ": " + e.getMessage());
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /**
     * Runs one scenario and returns its figures; an error becomes an {@code error} figure so a
     * comparison still shows which run failed.
     *
     * @param config what to run
     * @return the report
     */
    public static BenchReport run(BenchConfig config) {
        try (RunContext ctx = new RunContext(config)) {
            try {
                switch (config.kind()) {
                    case "fanout" -> FanoutScenario.run(ctx);
                    case "idle" -> IdleScenario.run(ctx);
                    case "storm" -> StormScenario.run(ctx);
                    case "route" -> RouteScenario.run(ctx);
                    default -> throw new IllegalArgumentException("unknown kind " + config.kind());
                }
            } catch (RuntimeException e) {
                ctx.report.put("error", String.valueOf(e.getMessage())
                        + (e.getCause() != null ? ": " + e.getCause() : ""));
            }
            return ctx.report;
        }
    }
}
