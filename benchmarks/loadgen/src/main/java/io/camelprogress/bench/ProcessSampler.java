package io.camelprogress.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads CPU time and resident memory of the server's processes from {@code /proc}; figures are sums
 * over all given pids (for Nginx: master and worker).
 */
final class ProcessSampler {

    private final List<Long> pids;
    private final long clockTicksPerSecond;

    ProcessSampler(List<Long> pids, long clockTicksPerSecond) {
        this.pids = List.copyOf(pids);
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    boolean enabled() {
        return !pids.isEmpty();
    }

    /** User plus system CPU seconds used so far, or -1 when a process cannot be read. */
    double cpuSeconds() {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // The command name may contain spaces and parentheses: fields start after the last ')'.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return (double) ticks / clockTicksPerSecond;
    }

    /** Resident set size in KiB, or -1 when a process cannot be read. */
    long rssKiB() {
        long total = 0;
        for (long pid : pids) {
            try {
                long rss = -1;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.substring(6).replace("kB", "").trim());
                        break;
                    }
                }
                if (rss < 0) {
                    return -1;
                }
                total += rss;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }
}
