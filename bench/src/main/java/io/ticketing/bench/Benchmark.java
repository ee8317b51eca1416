package io.ticketing.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs the benchmarks against the standalone platform, several times, and prints the median of every figure next
 * to what the same PostgreSQL allows. Each run gets a fresh PostgreSQL and a fresh platform process.
 * <pre>
 *   ./mvnw -q -DskipTests package
 *   java -jar bench/target/booking-platform-bench.jar [--runs=3] [--bookings=2000] [--clients=8]
 *        [--gateway-latency=PT0S] [--out=bench-results.json]
 * </pre>
 */
public final class Benchmark {

    record Run(DatabaseBaseline.Figures baseline, BookingLoad.Figures load, double startUpSeconds,
               long peakResidentMiB) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int bookings = Integer.parseInt(options.getOrDefault("bookings", "2000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        String gatewayLatency = options.getOrDefault("gateway-latency", "PT0S");
        Path launcher = Path.of(options.getOrDefault("launcher", "launcher/target/booking-platform-launcher.jar"));
        Path out = Path.of(options.getOrDefault("out", "bench-results.json"));
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalArgumentException(launcher + " is missing: build it with ./mvnw -DskipTests package");
        }

        List<Run> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            progress("Run %d of %d", run, runs);
            results.add(run(launcher, bookings, clients, gatewayLatency));
        }
        Map<String, Object> report = report(results, bookings, clients, gatewayLatency);
        print(report);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        progress("Figures written to %s", out.toAbsolutePath());
    }

    private static Run run(Path launcher, int bookings, int clients, String gatewayLatency) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            progress("  measuring PostgreSQL alone (single-row commits, keyset reads)");
            DatabaseBaseline.Figures baseline = new DatabaseBaseline(url, "postgres", "").measure(5);
            progress("  starting the platform");
            Path log = Files.createTempFile("bench-platform", ".log");
            try (PlatformProcess platform = PlatformProcess.start(launcher, Map.of(
                    "BOOKING_PG_URL", url, "BOOKING_PG_USER", "postgres", "BOOKING_PG_PASSWORD", "",
                    "ADMIN_EMAIL", BookingApi.ADMIN_EMAIL, "ADMIN_PASSWORD", BookingApi.ADMIN_PASSWORD,
                    "PAYMENT_GATEWAY_LATENCY", gatewayLatency), log, "1g")) {
                progress("  up in %.1f s; placing %d bookings from %d clients", platform.startUp().toMillis() / 1e3,
                        bookings, clients);
                BookingLoad.Figures load = new BookingLoad(new BookingApi(platform.baseUrls()), bookings, clients).run();
                return new Run(baseline, load, platform.startUp().toMillis() / 1e3, platform.peakResidentMiB());
            }
        }
    }

    private static Map<String, Object> report(List<Run> runs, int bookings, int clients, String gatewayLatency) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runs", runs.size());
        report.put("bookings", bookings);
        report.put("clients", clients);
        report.put("gatewayLatency", gatewayLatency);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        double commitsOne = median(runs, run -> run.baseline().commitsPerSecondOneClient());
        double commitsFour = median(runs, run -> run.baseline().commitsPerSecondFourClients());
        double accepted = median(runs, run -> run.load().acceptedPerSecond());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("baseline.commitsPerSecond.oneClient", commitsOne);
        figures.put("baseline.commitsPerSecond.fourClients", commitsFour);
        figures.put("baseline.rowsReadPerSecond.keysetPagesOf1000", median(runs, run -> run.baseline().rowsReadPerSecond()));
        figures.put("bookings.acceptedPerSecond", accepted);
        figures.put("bookings.acceptedPerSecond.ratioToFourClientCommits", accepted / commitsFour);
        figures.put("bookings.post.p50.ms", median(runs, run -> run.load().postP50()));
        figures.put("bookings.post.p95.ms", median(runs, run -> run.load().postP95()));
        figures.put("bookings.post.p99.ms", median(runs, run -> run.load().postP99()));
        figures.put("saga.placedToConfirmed.p50.ms", median(runs, run -> run.load().sagaP50()));
        figures.put("saga.placedToConfirmed.p95.ms", median(runs, run -> run.load().sagaP95()));
        figures.put("saga.placedToConfirmed.p99.ms", median(runs, run -> run.load().sagaP99()));
        figures.put("saga.settledPerSecond", median(runs, run -> run.load().settledPerSecond()));
        figures.put("footprint.coldStart.seconds", median(runs, Run::startUpSeconds));
        figures.put("footprint.peakResident.MiB", median(runs, run -> run.peakResidentMiB()));
        report.put("medians", figures);
        report.put("eachRun", runs);
        return report;
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> report) {
        System.out.printf("%nMedians of %s runs (%s bookings, %s clients, gateway latency %s, %s cores):%n",
                report.get("runs"), report.get("bookings"), report.get("clients"), report.get("gatewayLatency"),
                report.get("cores"));
        // Ratios are small fractions: enough digits that they do not print as zero.
        ((Map<String, Object>) report.get("medians")).forEach((name, value) ->
                System.out.printf(name.contains("ratio") ? "  %-55s %12.4f%n" : "  %-55s %12.2f%n", name,
                        (Double) value));
    }

    static void progress(String format, Object... values) {
        System.out.printf(format + "%n", values);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(args).forEach(arg -> {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        });
        return options;
    }
}
