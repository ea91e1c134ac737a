package gov.alacop.keycloak.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** What a {@link SignInLoad} run measured, as text for people and as JSON for tools. */
public record LoadResult(SignInLoad.Settings settings, Duration setup, Duration measured, long signIns, long errors,
        List<String> errorSamples, Map<String, Long> errorsByStep, long staySignedInAsked, Duration codeWait,
        Map<Step, Histogram> steps, SignInLoad.Usage before, SignInLoad.Usage after) {

    /** Completed sign-ins per second over the measured window. */
    public double throughput() {
        return signIns / seconds(measured);
    }

    /** The given percentile of a step, in milliseconds. */
    public double percentileMillis(Step step, double percentile) {
        return steps.get(step).getValueAtPercentile(percentile) / 1000.0;
    }

    /** All Keycloak processes' CPU (user + system) per completed sign-in, in milliseconds; NaN when not measured. */
    public double keycloakCpuMillisPerSignIn() {
        if (settings.keycloakPids().isEmpty() || signIns == 0) {
            return Double.NaN;
        }
        return keycloakCpuSeconds() * 1000 / signIns;
    }

    public double keycloakCpuSeconds() {
        long ticks = 0;
        for (int i = 0; i < settings.keycloakPids().size(); i++) {
            ticks += after.keycloakTicks().get(i) - before.keycloakTicks().get(i);
        }
        return ticks / ProcessStats.TICKS_PER_SECOND;
    }

    /** The whole machine's CPU use during the window, 0–100 % of all CPUs. */
    public double machineBusyPercent() {
        long total = after.machineTotalTicks() - before.machineTotalTicks();
        return total == 0 ? 0 : 100.0 * (after.machineBusyTicks() - before.machineBusyTicks()) / total;
    }

    public double driverCpuSeconds() {
        return (after.driverTicks() - before.driverTicks()) / ProcessStats.TICKS_PER_SECOND;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "== %s: %d officers x %d account(s), %d s (after %d s warm-up) against %s%n",
                settings.label(), settings.officers(), settings.accountsPerOfficer(), settings.duration().toSeconds(),
                settings.warmup().toSeconds(), settings.baseUrl()));
        out.append(String.format(Locale.ROOT, "sign-ins completed: %d in %.1f s = %.2f per second%n", signIns,
                seconds(measured), throughput()));
        out.append(String.format(Locale.ROOT, "errors: %d%s%n", errors, errorsByStep.isEmpty() ? "" : " " + errorsByStep));
        errorSamples.forEach(sample -> out.append("  ").append(sample).append('\n'));
        out.append(String.format(Locale.ROOT, "\"Stay signed in?\" asked and answered No: %d times; officers waited "
                + "%.0f s in all for a new app-code period; accounts created in %.1f s%n", staySignedInAsked,
                seconds(codeWait), seconds(setup)));
        out.append(String.format(Locale.ROOT, "%-15s %8s %9s %9s %9s %9s  %s%n", "step", "count", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "what"));
        for (Map.Entry<Step, Histogram> step : steps.entrySet()) {
            Histogram h = step.getValue();
            out.append(String.format(Locale.ROOT, "%-15s %8d %9.1f %9.1f %9.1f %9.1f  %s%n", step.getKey().key(),
                    h.getTotalCount(), percentileMillis(step.getKey(), 50), percentileMillis(step.getKey(), 95),
                    percentileMillis(step.getKey(), 99), h.getMaxValue() / 1000.0, step.getKey().description()));
        }
        if (settings.keycloakPids().isEmpty()) {
            out.append("Keycloak CPU and memory: not measured (no process ids given)\n");
        } else {
            out.append(String.format(Locale.ROOT, "Keycloak CPU: %.1f s in all = %.1f ms per sign-in%n",
                    keycloakCpuSeconds(), keycloakCpuMillisPerSignIn()));
            for (int i = 0; i < settings.keycloakPids().size(); i++) {
                out.append(String.format(Locale.ROOT, "  JVM pid %d: CPU %.1f s, RSS %d MiB at the start, %d MiB at "
                        + "the end, peak %d MiB%n", settings.keycloakPids().get(i),
                        (after.keycloakTicks().get(i) - before.keycloakTicks().get(i)) / ProcessStats.TICKS_PER_SECOND,
                        before.keycloakRssKib().get(i) / 1024, after.keycloakRssKib().get(i) / 1024,
                        after.keycloakPeakRssKib().get(i) / 1024));
            }
        }
        out.append(String.format(Locale.ROOT, "machine CPU busy during the window: %.0f %% of all CPUs; the driver itself "
                + "used %.1f s CPU%n", machineBusyPercent(), driverCpuSeconds()));
        return out.toString();
    }

    public String json() {
        StringBuilder out = new StringBuilder("{\n");
        field(out, "label", quote(settings.label()));
        field(out, "baseUrl", quote(settings.baseUrl()));
        field(out, "officers", settings.officers());
        field(out, "accountsPerOfficer", settings.accountsPerOfficer());
        field(out, "durationSeconds", settings.duration().toSeconds());
        field(out, "warmupSeconds", settings.warmup().toSeconds());
        field(out, "measuredSeconds", number(seconds(measured)));
        field(out, "signIns", signIns);
        field(out, "errors", errors);
        StringBuilder byStep = new StringBuilder("{");
        errorsByStep.forEach((step, count) -> byStep.append(byStep.length() > 1 ? ", " : "").append(quote(step))
                .append(": ").append(count));
        field(out, "errorsByStep", byStep.append('}'));
        field(out, "errorSamples", "[" + String.join(", ", errorSamples.stream().map(LoadResult::quote).toList()) + "]");
        field(out, "throughputPerSecond", number(throughput()));
        field(out, "staySignedInAsked", staySignedInAsked);
        field(out, "codeWaitSeconds", number(seconds(codeWait)));
        field(out, "setupSeconds", number(seconds(setup)));
        StringBuilder percentiles = new StringBuilder("{");
        for (Step step : steps.keySet()) {
            percentiles.append(percentiles.length() > 1 ? ",\n    " : "\n    ").append(quote(step.key()))
                    .append(String.format(Locale.ROOT, ": {\"count\": %d, \"p50Ms\": %s, \"p95Ms\": %s, \"p99Ms\": %s, "
                            + "\"maxMs\": %s}", steps.get(step).getTotalCount(), number(percentileMillis(step, 50)),
                            number(percentileMillis(step, 95)), number(percentileMillis(step, 99)),
                            number(steps.get(step).getMaxValue() / 1000.0)));
        }
        field(out, "steps", percentiles.append("\n  }"));
        field(out, "keycloakPids", settings.keycloakPids().toString());
        field(out, "keycloakCpuSeconds", settings.keycloakPids().isEmpty() ? "null" : number(keycloakCpuSeconds()));
        field(out, "keycloakCpuMsPerSignIn", Double.isNaN(keycloakCpuMillisPerSignIn()) ? "null"
                : number(keycloakCpuMillisPerSignIn()));
        field(out, "keycloakRssMiBStart", mib(before.keycloakRssKib()));
        field(out, "keycloakRssMiBEnd", mib(after.keycloakRssKib()));
        field(out, "keycloakPeakRssMiB", mib(after.keycloakPeakRssKib()));
        field(out, "machineBusyPercent", number(machineBusyPercent()));
        out.append("  \"driverCpuSeconds\": ").append(number(driverCpuSeconds())).append("\n}\n");
        return out.toString();
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
    }

    private static String mib(List<Long> kib) {
        return kib.stream().map(k -> k / 1024).toList().toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
