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
 *        [--paced-rate=20] [--paced-bookings=400] [--gateway-latency=PT0S] [--history-events=1000000]
 *        [--out=bench-results.json] [--target=user-command=URL,booking-command=URL,booking-query=URL]
 * </pre>
 */
public final class Benchmark {

    record Run(DatabaseBaseline.Figures baseline, BookingLoad.Figures load, double startUpSeconds,
               long peakResidentMiB, GeneratedHistory.Figures history, double startUpWithHistorySeconds,
               DashboardReplay.Figures replay, AuditReads.Figures audit) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int bookings = Integer.parseInt(options.getOrDefault("bookings", "2000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        double pacedRate = Double.parseDouble(options.getOrDefault("paced-rate", "20"));
        int pacedBookings = Integer.parseInt(options.getOrDefault("paced-bookings", "400"));
        String gatewayLatency = options.getOrDefault("gateway-latency", "PT0S");
        int historyEvents = Integer.parseInt(options.getOrDefault("history-events", "1000000"));
        BookingLoad.Size load = new BookingLoad.Size(bookings, clients, pacedRate, pacedBookings);
        Path launcher = Path.of(options.getOrDefault("launcher", "launcher/target/booking-platform-launcher.jar"));
        Path out = Path.of(options.getOrDefault("out", "bench-results.json"));
        if (options.containsKey("target")) {
            runAgainst(targets(options.get("target")), load, runs, options, out);
            return;
        }
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalArgumentException(launcher + " is missing: build it with ./mvnw -DskipTests package");
        }

        List<Run> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            progress("Run %d of %d", run, runs);
            results.add(run(launcher, load, gatewayLatency, historyEvents));
        }
        publish(report(results, options, gatewayLatency), out);
    }

    /**
     * Scenarios 1 and 2 against services that run already, the distributed mode's for one: their base URLs, and an
     * admin's credentials in {@code BENCH_ADMIN_EMAIL} and {@code BENCH_ADMIN_PASSWORD}. The other scenarios need
     * the platform's database and its process, and run against the standalone platform only.
     */
    private static void runAgainst(Map<String, String> baseUrls, BookingLoad.Size load, int runs,
                                   Map<String, String> options, Path out) throws Exception {
        BookingApi api = new BookingApi(baseUrls, System.getenv().getOrDefault("BENCH_ADMIN_EMAIL",
                BookingApi.ADMIN_EMAIL), System.getenv().getOrDefault("BENCH_ADMIN_PASSWORD", BookingApi.ADMIN_PASSWORD));
        List<BookingLoad.Figures> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            progress("Run %d of %d against %s", run, runs, baseUrls);
            results.add(new BookingLoad(api, load).run());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runs", runs);
        report.put("options", options);
        report.put("medians", bookingFigures(results));
        report.put("eachRun", results);
        publish(report, out);
    }

    /** {@code user-command=http://host:8081,booking-command=...,booking-query=...} */
    private static Map<String, String> targets(String option) {
        Map<String, String> baseUrls = new LinkedHashMap<>();
        for (String target : option.split(",")) {
            String[] serviceAndUrl = target.split("=", 2);
            if (serviceAndUrl.length != 2) {
                throw new IllegalArgumentException("--target takes service=url pairs, not " + target);
            }
            baseUrls.put(serviceAndUrl[0].trim(), serviceAndUrl[1].trim());
        }
        for (String needed : List.of("user-command", "booking-command", "booking-query")) {
            if (!baseUrls.containsKey(needed)) {
                throw new IllegalArgumentException("--target lacks " + needed + "'s base URL");
            }
        }
        return baseUrls;
    }

    private static void publish(Map<String, Object> report, Path out) throws Exception {
        print(report);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        progress("Figures written to %s", out.toAbsolutePath());
    }

    /**
     * Scenarios 1, 2 and 5 on a fresh platform; then, with the platform stopped, a generated history of
     * {@code historyEvents} events, and scenarios 3 and 4 on the platform started again over it.
     */
    private static Run run(Path launcher, BookingLoad.Size load, String gatewayLatency, int historyEvents)
            throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            progress("  measuring PostgreSQL alone (single-row commits, keyset reads)");
            DatabaseBaseline.Figures baseline = new DatabaseBaseline(url, "postgres", "").measure(5);
            Map<String, String> environment = Map.of(
                    "BOOKING_PG_URL", url, "BOOKING_PG_USER", "postgres", "BOOKING_PG_PASSWORD", "",
                    "ADMIN_EMAIL", BookingApi.ADMIN_EMAIL, "ADMIN_PASSWORD", BookingApi.ADMIN_PASSWORD,
                    "PAYMENT_GATEWAY_LATENCY", gatewayLatency);
            Path log = Files.createTempFile("bench-platform", ".log");
            progress("  starting the platform (log: %s)", log);
            BookingLoad.Figures bookings;
            double startUp;
            long peakResident;
            try (PlatformProcess platform = PlatformProcess.start(launcher, environment, log, "1g")) {
                startUp = platform.startUp().toMillis() / 1e3;
                progress("  up in %.1f s", startUp);
                bookings = new BookingLoad(new BookingApi(platform.baseUrls(), BookingApi.ADMIN_EMAIL,
                        BookingApi.ADMIN_PASSWORD), load).run();
                peakResident = platform.peakResidentMiB();
            }
            progress("  platform stopped; generating a history of %d events", historyEvents);
            GeneratedHistory.Figures history =
                    new GeneratedHistory(database -> postgres.getJdbcUrl("postgres", database)).generate(historyEvents);
            progress("  %d events generated in %.1f s; starting the platform again", history.events(),
                    history.seconds());
            try (PlatformProcess platform = PlatformProcess.start(launcher, environment, log, "1g")) {
                double startUpWithHistory = platform.startUp().toMillis() / 1e3;
                BookingApi api = new BookingApi(platform.baseUrls(), BookingApi.ADMIN_EMAIL, BookingApi.ADMIN_PASSWORD);
                String admin = api.adminToken();
                progress("  up in %.1f s; rebuilding the dashboards", startUpWithHistory);
                DashboardReplay.Figures replay =
                        new DashboardReplay(api, admin).run(history.bookings() + bookings.flatOut().accepted()
                                + bookings.paced().accepted());
                progress("  reading as an auditor");
                AuditReads.Figures audit = new AuditReads(api, admin).run(history.largestShow());
                return new Run(baseline, bookings, startUp, peakResident, history, startUpWithHistory, replay, audit);
            }
        }
    }

    private static Map<String, Object> report(List<Run> runs, Map<String, String> options, String gatewayLatency) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runs", runs.size());
        report.put("options", options);
        report.put("gatewayLatency", gatewayLatency);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        double commitsOne = median(runs, run -> run.baseline().commitsPerSecondOneClient());
        double commitsFour = median(runs, run -> run.baseline().commitsPerSecondFourClients());
        double rowsRead = median(runs, run -> run.baseline().rowsReadPerSecond());
        double replayed = median(runs, run -> run.replay().eventsPerSecond());
        double exported = median(runs, run -> run.audit().exportEventsPerSecond());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("baseline.commitsPerSecond.oneClient", commitsOne);
        figures.put("baseline.commitsPerSecond.fourClients", commitsFour);
        figures.put("baseline.rowsReadPerSecond.keysetPagesOf1000", rowsRead);
        Map<String, Double> bookings = bookingFigures(runs.stream().map(Run::load).toList());
        figures.putAll(bookings);
        figures.put("bookings.acceptedPerSecond.ratioToOneClientCommits",
                bookings.get("bookings.acceptedPerSecond") / commitsOne);
        figures.put("bookings.acceptedPerSecond.ratioToFourClientCommits",
                bookings.get("bookings.acceptedPerSecond") / commitsFour);
        figures.put("history.generatedEventsPerSecond", median(runs, run -> run.history().eventsPerSecond()));
        figures.put("replay.eventsPerSecond", replayed);
        figures.put("replay.eventsPerSecond.ratioToRowsRead", replayed / rowsRead);
        figures.put("replay.secondsUntilRebuiltAnswer", median(runs, run -> run.replay().secondsUntilRebuiltAnswer()));
        figures.put("audit.aggregateStream.eventsPerSecond", median(runs, run -> run.audit().streamEventsPerSecond()));
        figures.put("audit.export.eventsPerSecond", exported);
        figures.put("audit.export.eventsPerSecond.ratioToRowsRead", exported / rowsRead);
        figures.put("footprint.coldStart.seconds", median(runs, Run::startUpSeconds));
        figures.put("footprint.coldStartOverHistory.seconds", median(runs, Run::startUpWithHistorySeconds));
        figures.put("footprint.peakResident.MiB", median(runs, run -> run.peakResidentMiB()));
        report.put("medians", figures);
        report.put("eachRun", runs);
        return report;
    }

    /** Scenarios 1 and 2, whichever platform they ran against. */
    private static Map<String, Double> bookingFigures(List<BookingLoad.Figures> runs) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("bookings.acceptedPerSecond", median(runs, run -> run.flatOut().acceptedPerSecond()));
        figures.put("bookings.post.p50.ms", median(runs, run -> run.flatOut().postP50()));
        figures.put("bookings.post.p95.ms", median(runs, run -> run.flatOut().postP95()));
        figures.put("bookings.post.p99.ms", median(runs, run -> run.flatOut().postP99()));
        figures.put("saga.flatOut.settledPerSecond", median(runs, run -> run.flatOut().settledPerSecond()));
        figures.put("saga.flatOut.placedToSettled.p50.ms", median(runs, run -> run.flatOut().sagaP50()));
        figures.put("saga.flatOut.placedToSettled.p99.ms", median(runs, run -> run.flatOut().sagaP99()));
        figures.put("saga.paced.bookingsPerSecond", median(runs, run -> run.paced().acceptedPerSecond()));
        figures.put("saga.paced.placedToConfirmed.p50.ms", median(runs, run -> run.paced().sagaP50()));
        figures.put("saga.paced.placedToConfirmed.p95.ms", median(runs, run -> run.paced().sagaP95()));
        figures.put("saga.paced.placedToConfirmed.p99.ms", median(runs, run -> run.paced().sagaP99()));
        figures.put("saga.paced.post.p99.ms", median(runs, run -> run.paced().postP99()));
        return figures;
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> report) {
        System.out.printf("%nMedians of %s runs (options %s, %s cores here):%n", report.get("runs"),
                report.get("options"), Runtime.getRuntime().availableProcessors());
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
