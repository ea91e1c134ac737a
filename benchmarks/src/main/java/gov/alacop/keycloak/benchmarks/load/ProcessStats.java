package gov.alacop.keycloak.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux's /proc says about a process (a Keycloak JVM, the driver itself) or about the whole machine. */
final class ProcessStats {

    /** {@code getconf CLK_TCK} on Linux. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) {
        String stat = read(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Resident memory now (VmRSS), in KiB. */
    static long rssKib(long pid) {
        return statusKib(pid, "VmRSS:");
    }

    /** The highest resident memory since the process started (VmHWM), in KiB. */
    static long peakRssKib(long pid) {
        return statusKib(pid, "VmHWM:");
    }

    /** The whole machine's busy and total CPU ticks so far (the "cpu" line of /proc/stat), all CPUs together. */
    static long[] machineTicks() {
        String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            long value = Long.parseLong(fields[i]);
            total += value;
            if (i == 4 || i == 5) { // idle, iowait
                idle += value;
            }
        }
        return new long[] {total - idle, total};
    }

    private static long statusKib(long pid, String key) {
        return read(Path.of("/proc/" + pid + "/status")).lines().filter(line -> line.startsWith(key))
                .map(line -> line.substring(key.length()).trim().split("\\s+")[0]).mapToLong(Long::parseLong)
                .findFirst().orElse(0);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " (is the process still running?)", e);
        }
    }
}
