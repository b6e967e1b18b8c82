package io.camelprogress.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Busy time of one CPU from {@code /proc/stat}. Subtracting the CPU time of the process pinned to it
 * leaves what other processes took from that core during a window: a run where that share is large
 * was disturbed, and its figures should not be trusted.
 */
final class CpuContention {

    private final int cpu;
    private final long clockTicksPerSecond;

    CpuContention(int cpu, long clockTicksPerSecond) {
        this.cpu = cpu;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    boolean enabled() {
        return cpu >= 0;
    }

    /** Seconds the CPU spent busy (user, nice, system, irq, softirq, steal) since boot, or -1. */
    double busySeconds() {
        if (cpu < 0) {
            return -1;
        }
        String prefix = "cpu" + cpu + " ";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith(prefix)) {
                    String[] f = line.substring(prefix.length()).trim().split("\\s+");
                    long busy = Long.parseLong(f[0]) + Long.parseLong(f[1]) + Long.parseLong(f[2])
                            + Long.parseLong(f[5]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
                    return (double) busy / clockTicksPerSecond;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
