package io.ticketing.bench;

import static io.ticketing.bench.BookingLoad.CAPACITY_STEP;
import static io.ticketing.bench.BookingLoad.FLAT_OUT;
import static io.ticketing.bench.BookingLoad.HOT_SHOW;
import static io.ticketing.bench.BookingLoad.PACED;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Credentials;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Runs the benchmarks against the standalone platform, several times, and prints the median of every figure next
 * to what the same PostgreSQL allows. Each run gets a fresh PostgreSQL, and a fresh platform process for each payment
 * gateway latency, as the platform reads it at start-up. {@code --help} lists the options.
 * <pre>
 *   ./mvnw -q -DskipTests package
 *   java -jar bench/target/booking-platform-bench.jar --help
 * </pre>
 */
@Command(
        name = "booking-platform-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        versionProvider = Benchmark.Version.class,
        description = {
            "Measures this machine's PostgreSQL alone, then the standalone platform that it starts (or "
                    + "services that run already, with --target) under booking load, a generated history, replay "
                    + "and audit reads; prints the medians over the runs and writes them, with each run's figures, "
                    + "as JSON."
        },
        footer = {
            "",
            "Environment:",
            "  BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD",
            "      with --target: an administrator of the services",
            "  BOOKING_MAX_LAG, BOOKING_PAYMENT_TIMEOUT",
            "      passed on to the platform that the runs start"
        })
public final class Benchmark implements Callable<Integer> {

    /** One start of the platform, with one payment gateway latency, and the booking scenarios it ran. */
    record AtLatency(String gatewayLatency, double startUpSeconds, long peakResidentMiB, BookingLoad.Figures load) {}

    /**
     * Scenarios 3 and 4 over a generated history, and the platform's start-up over it. The dashboards are rebuilt
     * twice: first on a platform just started, as after a deployment, then again once the audit reads are done, on
     * code that the first rebuild had the JIT compiler compile.
     */
    record History(
            GeneratedHistory.Figures generated,
            double startUpSeconds,
            DashboardReplay.Figures replay,
            AuditReads.Figures audit,
            DashboardReplay.Figures replayAgain) {}

    /** @param history null unless the history scenario ran */
    record Run(DatabaseBaseline.Figures baseline, List<AtLatency> atLatencies, History history) {}

    /** What the platform reads from the environment that bears on the figures, passed on from the benchmark's own. */
    private static final List<String> PASSED_THROUGH = List.of("BOOKING_MAX_LAG", "BOOKING_PAYMENT_TIMEOUT");

    /** The administrator of the platform that the benchmark starts. */
    private static final Credentials ADMIN = new Credentials("bench-admin@example.com", "bench-admin-password");

    /** Long enough that an answer that does not come within it is an outcome of its own: unanswered. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** A phase's figures that need the platform's processes or the database server to read: absent without them. */
    private static final Map<String, Function<Phase.Figures, Double>> PHASE_FIGURES_WHERE_MEASURED =
            phaseFiguresWhereMeasured();

    @Mixin
    private BenchOptions options;

    @Spec
    private CommandSpec command;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Benchmark())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Benchmark::refuseBadInput);
    }

    /** Options that cannot be run as given are refused with what is wrong with them, not a stack trace. */
    private static int refuseBadInput(Exception failure, CommandLine commandLine, ParseResult given) throws Exception {
        if (!(failure instanceof IllegalArgumentException)) {
            throw failure;
        }
        commandLine.getErr().println(failure.getMessage());
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() throws Exception {
        if (options.diskOf != null && options.target == null) {
            throw new IllegalArgumentException("--disk-of goes with --target: the platform the bench starts keeps its "
                    + "database on the bench's own server, whose disk the bench times without being told");
        }
        if (options.target != null) {
            runAgainst(targets(options.target));
            return 0;
        }
        List<String> latencies = options.latencies();
        if (!Files.isRegularFile(options.launcher)) {
            throw new IllegalArgumentException(options.launcher + " is missing: scripts/class-data-archive.sh "
                    + "launcher/target/booking-platform-launcher.jar launcher/target/app unpacks the "
                    + "launcher and records its class-data archive (./run.sh does it too); the packaged "
                    + "jar runs as well, without the archive");
        }
        progress(
                "Starting %s %s",
                options.launcher,
                PlatformProcess.classDataArchiveOf(options.launcher)
                        .map(archive -> "with the class-data archive " + archive)
                        .orElse("without a class-data archive"));

        List<Run> results = new ArrayList<>();
        for (int run = 1; run <= options.runs; run++) {
            progress("Run %d of %d", run, options.runs);
            results.add(run(options.launcher, options.load(), options.scenarios(), latencies, options.historyEvents));
        }
        publish(report(results, given(), latencies), options.out);
        return 0;
    }

    private Map<String, String> given() {
        return BenchOptions.given(command.commandLine().getParseResult());
    }

    /**
     * The booking scenarios against services that run already, the distributed mode's for one: their base URLs, and
     * an admin's credentials in {@code BENCH_ADMIN_EMAIL} and {@code BENCH_ADMIN_PASSWORD}. Their CPU time is read
     * from the processes that {@code --pids-from} names, and their database's disk is timed in {@code --disk-of};
     * without those, neither is measured. The history scenario needs the platform's database and its process, and
     * runs against the standalone platform only.
     */
    private void runAgainst(Map<String, String> baseUrls) throws Exception {
        if (options.gatewayLatencies != null) {
            throw new IllegalArgumentException("Services started elsewhere read their gateway latency where they "
                    + "start (PAYMENT_GATEWAY_LATENCY); --target takes no --gateway-latencies");
        }
        Set<Scenario> scenarios = options.scenarios();
        if (scenarios.contains(Scenario.HISTORY)) {
            progress("The history scenario runs against the standalone platform only: not here");
        }
        ProcessCpu cpu = options.pidsFrom != null ? ProcessCpu.fromPidFiles(options.pidsFrom) : ProcessCpu.none();
        if (options.pidsFrom == null) {
            progress("No --pids-from: the services' CPU time is not measured");
        }
        PlatformClient api = new PlatformClient(
                baseUrls,
                new Credentials(
                        System.getenv().getOrDefault("BENCH_ADMIN_EMAIL", ADMIN.email()),
                        System.getenv().getOrDefault("BENCH_ADMIN_PASSWORD", ADMIN.password())),
                REQUEST_TIMEOUT);
        int runs = options.runs;
        List<BookingLoad.Figures> results = new ArrayList<>();
        try (DiskSyncs disk = options.diskOf != null ? DiskSyncs.on(options.diskOf) : DiskSyncs.none()) {
            for (int run = 1; run <= runs; run++) {
                progress("Run %d of %d against %s", run, runs, baseUrls);
                results.add(new BookingLoad(
                                api, options.load(), scenarios, cpu, ProcessCpu.none(), DatabaseActivity.none(), disk)
                        .run());
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runs", runs);
        report.put("options", given());
        report.put("medians", bookingFigures(results));
        Map<String, BookingLoad.Figures> byRun = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            byRun.put("run " + run, results.get(run - 1));
        }
        report.put("failures", failures(byRun));
        report.put("eachRun", results);
        publish(report, options.out);
    }

    /** {@code user-command=http://host:8081,booking-command=...,booking-query=...}, each URL trimmed */
    private static Map<String, String> targets(Map<String, String> option) {
        Map<String, String> baseUrls = new LinkedHashMap<>();
        option.forEach((service, url) -> baseUrls.put(service.trim(), url.trim()));
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
     * On a fresh PostgreSQL: the booking scenarios and scenario 5 on a fresh platform for each gateway latency; then,
     * with the platform stopped, a generated history of {@code historyEvents} events, and scenarios 3 and 4 on the
     * platform started again over it. The latencies share the database; each starts its own platform process.
     */
    private static Run run(
            Path launcher, BookingLoad.Size load, Set<Scenario> scenarios, List<String> latencies, int historyEvents)
            throws Exception {
        // Durable, as the platform's own embedded server is whenever it keeps data.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            progress("  measuring PostgreSQL alone (single-row commits, keyset reads)");
            DatabaseBaseline.Figures baseline = new DatabaseBaseline(url, "postgres", "").measure(5);
            ProcessCpu database = serverProcesses(postgres);
            DatabaseActivity databaseActivity = DatabaseActivity.of(postgres.getPostgresDatabase());
            // The scenarios pay with the simulated gateway's test tokens.
            Map<String, String> environment = Map.of(
                    "BOOKING_PG_URL",
                    throughUnixSocket(url, postgres.getPort()),
                    "BOOKING_PG_USER",
                    "postgres",
                    "BOOKING_PG_PASSWORD",
                    "",
                    "ADMIN_EMAIL",
                    ADMIN.email(),
                    "ADMIN_PASSWORD",
                    ADMIN.password(),
                    "PAYMENT_GATEWAY",
                    "simulated");
            Path log = Files.createTempFile("bench-platform", ".log");
            // The history is written into the schema that a first start creates: the platform starts at least once.
            boolean placesBookings = scenarios.stream().anyMatch(scenario -> scenario.placesBookings);
            List<AtLatency> atLatencies = new ArrayList<>();
            // Timed from here on: the baseline's commits have the disk to themselves.
            try (DiskSyncs disk = DiskSyncs.besideDataDirectoryOf(postgres.getPostgresDatabase())) {
                for (String latency : placesBookings ? latencies : latencies.subList(0, 1)) {
                    atLatencies.add(atLatency(
                            launcher,
                            withLatency(environment, latency),
                            log,
                            load,
                            scenarios,
                            database,
                            databaseActivity,
                            disk));
                }
            }
            long placed = atLatencies.stream()
                    .flatMap(at -> at.load().phases().values().stream())
                    .mapToLong(Phase.Figures::accepted)
                    .sum();
            History history = scenarios.contains(Scenario.HISTORY)
                    ? history(
                            postgres,
                            database,
                            launcher,
                            withLatency(environment, latencies.get(0)),
                            log,
                            historyEvents,
                            placed)
                    : null;
            return new Run(baseline, atLatencies, history);
        }
    }

    /**
     * The platform reaches its own embedded server through the server's Unix socket where it has one (the launcher's
     * {@code PostgresServer}), so it reaches the bench's server the same way. The bench's baseline keeps TCP, as in
     * earlier runs, to stay comparable with them.
     */
    private static String throughUnixSocket(String url, int port) {
        Path socket = Path.of("/tmp", ".s.PGSQL." + port);
        return Files.exists(socket)
                ? url + "&socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg&socketFactoryArg=" + socket
                : url;
    }

    /** The server's processes, found through the backend that answers a connection of the benchmark's own. */
    private static ProcessCpu serverProcesses(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            return ProcessCpu.serverOf(backend.getLong(1));
        }
    }

    private static Map<String, String> withLatency(Map<String, String> environment, String gatewayLatency) {
        Map<String, String> withLatency = new LinkedHashMap<>(environment);
        withLatency.put("PAYMENT_GATEWAY_LATENCY", gatewayLatency);
        return withLatency;
    }

    private static AtLatency atLatency(
            Path launcher,
            Map<String, String> environment,
            Path log,
            BookingLoad.Size load,
            Set<Scenario> scenarios,
            ProcessCpu database,
            DatabaseActivity databaseActivity,
            DiskSyncs disk)
            throws Exception {
        String latency = environment.get("PAYMENT_GATEWAY_LATENCY");
        progress("  starting the platform, payment gateway latency %s (log: %s)", latency, log);
        try (PlatformProcess platform = PlatformProcess.start(launcher, environment, log, "1g")) {
            double startUp = platform.startUp().toMillis() / 1e3;
            progress("  up in %.1f s", startUp);
            BookingLoad.Figures bookings = new BookingLoad(
                            client(platform), load, scenarios, platform.cpu(), database, databaseActivity, disk)
                    .run();
            return new AtLatency(latency, startUp, platform.peakResidentMiB(), bookings);
        }
    }

    private static PlatformClient client(PlatformProcess platform) {
        return new PlatformClient(platform.baseUrls(), ADMIN, REQUEST_TIMEOUT);
    }

    /** @param placed how many bookings the platform accepted before: the rebuilt dashboards must count them too */
    private static History history(
            EmbeddedPostgres postgres,
            ProcessCpu databaseCpu,
            Path launcher,
            Map<String, String> environment,
            Path log,
            int historyEvents,
            long placed)
            throws Exception {
        progress("  platform stopped; generating a history of %d events", historyEvents);
        GeneratedHistory.Figures generated =
                new GeneratedHistory(database -> postgres.getJdbcUrl("postgres", database)).generate(historyEvents);
        progress(
                "  %d events generated in %.1f s; starting the platform again",
                generated.events(), generated.seconds());
        try (PlatformProcess platform = PlatformProcess.start(launcher, environment, log, "1g")) {
            double startUp = platform.startUp().toMillis() / 1e3;
            PlatformClient api = client(platform);
            String admin = api.adminToken();
            progress("  up in %.1f s; rebuilding the dashboards", startUp);
            DashboardReplay dashboards = new DashboardReplay(api, admin, platform.cpu(), databaseCpu);
            DashboardReplay.Figures replay = dashboards.run(generated.bookings() + placed);
            progress("  reading as an auditor");
            AuditReads.Figures audit = new AuditReads(api, admin).run(generated.largestShow());
            progress("  rebuilding the dashboards again, on compiled code");
            DashboardReplay.Figures replayAgain = dashboards.run(generated.bookings() + placed);
            return new History(generated, startUp, replay, audit, replayAgain);
        }
    }

    private static void putReplayFigures(
            Map<String, Double> figures,
            String prefix,
            List<History> histories,
            Function<History, DashboardReplay.Figures> rebuild) {
        Map<String, ToDoubleFunction<DashboardReplay.Figures>> each = new LinkedHashMap<>();
        each.put("eventsPerSecond", DashboardReplay.Figures::eventsPerSecond);
        each.put("cpu.jitCompilerShare", DashboardReplay.Figures::jitCompilerShare);
        each.put("secondsUntilRebuiltAnswer", DashboardReplay.Figures::secondsUntilRebuiltAnswer);
        each.put("cpu.platformCores", DashboardReplay.Figures::platformCores);
        each.put("cpu.postgresCores", DashboardReplay.Figures::postgresCores);
        each.forEach((name, figure) -> figures.put(
                prefix + "." + name, median(histories, history -> figure.applyAsDouble(rebuild.apply(history)))));
    }

    private static Map<String, Object> report(List<Run> runs, Map<String, String> options, List<String> latencies) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runs", runs.size());
        report.put("options", options);
        report.put("gatewayLatencies", latencies);
        report.put(
                "platformEnvironment",
                PASSED_THROUGH.stream()
                        .collect(Collectors.toMap(
                                name -> name,
                                name -> System.getenv().getOrDefault(name, "the platform's default"),
                                (one, other) -> one,
                                LinkedHashMap::new)));
        report.put("cores", Runtime.getRuntime().availableProcessors());
        double commitsOne = median(runs, run -> run.baseline().commitsPerSecondOneClient());
        double commitsFour = median(runs, run -> run.baseline().commitsPerSecondFourClients());
        double rowsRead = median(runs, run -> run.baseline().rowsReadPerSecond());
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("baseline.commitsPerSecond.oneClient", commitsOne);
        figures.put("baseline.commitsPerSecond.fourClients", commitsFour);
        figures.put("baseline.rowsReadPerSecond.keysetPagesOf1000", rowsRead);
        if (runs.get(0).history() != null) {
            List<History> histories = runs.stream().map(Run::history).toList();
            double exported = median(histories, history -> history.audit().exportEventsPerSecond());
            figures.put(
                    "history.generatedEventsPerSecond",
                    median(histories, history -> history.generated().eventsPerSecond()));
            putReplayFigures(figures, "replay", histories, History::replay);
            figures.put("replay.eventsPerSecond.ratioToRowsRead", figures.get("replay.eventsPerSecond") / rowsRead);
            putReplayFigures(figures, "replay.again", histories, History::replayAgain);
            figures.put(
                    "audit.aggregateStream.eventsPerSecond",
                    median(histories, history -> history.audit().streamEventsPerSecond()));
            figures.put("audit.export.eventsPerSecond", exported);
            figures.put("audit.export.eventsPerSecond.ratioToRowsRead", exported / rowsRead);
            figures.put("footprint.coldStartOverHistory.seconds", median(histories, History::startUpSeconds));
        }
        report.put("medians", figures);
        Map<String, Map<String, Double>> byLatency = new LinkedHashMap<>();
        for (int index = 0; index < runs.get(0).atLatencies().size(); index++) {
            int latency = index;
            List<AtLatency> each =
                    runs.stream().map(run -> run.atLatencies().get(latency)).toList();
            Map<String, Double> atLatency =
                    bookingFigures(each.stream().map(AtLatency::load).toList());
            if (atLatency.containsKey("bookings.acceptedPerSecond")) {
                double accepted = atLatency.get("bookings.acceptedPerSecond");
                atLatency.put("bookings.acceptedPerSecond.ratioToOneClientCommits", accepted / commitsOne);
                atLatency.put("bookings.acceptedPerSecond.ratioToFourClientCommits", accepted / commitsFour);
            }
            // The first latency's start is on an empty database; later ones over the bookings placed before.
            atLatency.put("footprint.coldStart.seconds", median(each, AtLatency::startUpSeconds));
            atLatency.put("footprint.peakResident.MiB", median(each, at -> at.peakResidentMiB()));
            byLatency.put(each.get(0).gatewayLatency(), atLatency);
        }
        report.put("mediansByGatewayLatency", byLatency);
        Map<String, BookingLoad.Figures> loads = new LinkedHashMap<>();
        for (int run = 1; run <= runs.size(); run++) {
            for (AtLatency at : runs.get(run - 1).atLatencies()) {
                loads.put("run " + run + ", gateway latency " + at.gatewayLatency(), at.load());
            }
        }
        report.put("failures", failures(loads));
        report.put("eachRun", runs);
        return report;
    }

    /** Each failure, said with the run (and latency) it happened in. */
    private static List<String> failures(Map<String, BookingLoad.Figures> loads) {
        return loads.entrySet().stream()
                .flatMap(load -> load.getValue().failures().stream().map(failure -> load.getKey() + ": " + failure))
                .toList();
    }

    /**
     * The booking scenarios' figures, whichever platform they ran against: for scenarios 1 and 2 under the names
     * they always had, then for every phase that ran how its bookings ended, its goodput and its CPU per booking.
     */
    private static Map<String, Double> bookingFigures(List<BookingLoad.Figures> runs) {
        Map<String, Double> figures = new LinkedHashMap<>();
        Set<String> phases = runs.get(0).phases().keySet();
        if (phases.contains(FLAT_OUT)) {
            figures.put("bookings.acceptedPerSecond", median(runs, FLAT_OUT, Phase.Figures::acceptedPerSecond));
            figures.put("bookings.post.p50.ms", median(runs, FLAT_OUT, Phase.Figures::postP50));
            figures.put("bookings.post.p95.ms", median(runs, FLAT_OUT, Phase.Figures::postP95));
            figures.put("bookings.post.p99.ms", median(runs, FLAT_OUT, Phase.Figures::postP99));
            figures.put("saga.flatOut.settledPerSecond", median(runs, FLAT_OUT, Phase.Figures::settledPerSecond));
            figures.put("saga.flatOut.placedToSettled.p50.ms", median(runs, FLAT_OUT, Phase.Figures::sagaP50));
            figures.put("saga.flatOut.placedToSettled.p99.ms", median(runs, FLAT_OUT, Phase.Figures::sagaP99));
        }
        if (phases.contains(PACED)) {
            figures.put("saga.paced.bookingsPerSecond", median(runs, PACED, Phase.Figures::acceptedPerSecond));
            figures.put("saga.paced.placedToConfirmed.p50.ms", median(runs, PACED, Phase.Figures::sagaP50));
            figures.put("saga.paced.placedToConfirmed.p95.ms", median(runs, PACED, Phase.Figures::sagaP95));
            figures.put("saga.paced.placedToConfirmed.p99.ms", median(runs, PACED, Phase.Figures::sagaP99));
            figures.put("saga.paced.post.p99.ms", median(runs, PACED, Phase.Figures::postP99));
        }
        if (runs.get(0).sustainedRate() != null) {
            figures.put("capacity.sustainedRate.perSecond", median(runs, BookingLoad.Figures::sustainedRate));
        }
        for (String phase : phases) {
            if (phase.startsWith(CAPACITY_STEP)) {
                figures.put(phase + ".placedToConfirmed.p50.ms", median(runs, phase, Phase.Figures::sagaP50));
                figures.put(phase + ".placedToConfirmed.p99.ms", median(runs, phase, Phase.Figures::sagaP99));
            }
            figures.put(phase + ".accepted", median(runs, phase, Phase.Figures::accepted));
            figures.put(phase + ".goodput.confirmedPerSecond", median(runs, phase, Phase.Figures::confirmedPerSecond));
            figures.put(phase + ".outcomes.confirmed", median(runs, phase, outcome(Phase.Outcomes::confirmed)));
            figures.put(phase + ".outcomes.declined", median(runs, phase, outcome(Phase.Outcomes::declined)));
            figures.put(phase + ".outcomes.soldOut", median(runs, phase, outcome(Phase.Outcomes::soldOut)));
            figures.put(phase + ".outcomes.timedOut", median(runs, phase, outcome(Phase.Outcomes::timedOut)));
            figures.put(phase + ".outcomes.refused503", median(runs, phase, outcome(Phase.Outcomes::refused503)));
            figures.put(phase + ".outcomes.otherErrors", median(runs, phase, outcome(Phase.Outcomes::otherErrors)));
            figures.put(
                    phase + ".outcomes.rejectedByPlatform",
                    median(runs, phase, outcome(Phase.Outcomes::rejectedByPlatform)));
            figures.put(phase + ".settled.ratioToAccepted", median(runs, phase, Phase.Figures::settledToAccepted));
            figures.put(phase + ".pendingLeft", median(runs, phase, Phase.Figures::pendingLeft));
            figures.put(phase + ".drain.seconds", median(runs, phase, Phase.Figures::drainSeconds));
            figures.put(phase + ".processorsCaughtUp.seconds", median(runs, phase, Phase.Figures::catchUpSeconds));
            PHASE_FIGURES_WHERE_MEASURED.forEach(
                    (name, figure) -> figures.put(phase + "." + name, medianOrAbsent(runs, phase, figure)));
        }
        if (phases.contains(HOT_SHOW) && phases.contains(FLAT_OUT)) {
            // One show's seats against the same load spread over four shows.
            figures.put(
                    "hotShow.goodput.ratioToFlatOut",
                    figures.get(HOT_SHOW + ".goodput.confirmedPerSecond")
                            / figures.get(FLAT_OUT + ".goodput.confirmedPerSecond"));
        }
        return figures;
    }

    private static Map<String, Function<Phase.Figures, Double>> phaseFiguresWhereMeasured() {
        Map<String, Function<Phase.Figures, Double>> figures = new LinkedHashMap<>();
        figures.put("cpu.msPerConfirmed", Phase.Figures::cpuMillisPerConfirmed);
        figures.put("cpu.jitCompilerMsPerConfirmed", Phase.Figures::compilerMillisPerConfirmed);
        figures.put("cpu.postgresMsPerConfirmed", Phase.Figures::databaseMillisPerConfirmed);
        figures.put("cpu.benchMsPerConfirmed", Phase.Figures::benchMillisPerConfirmed);
        figures.put("postgres.transactionsPerConfirmed", Phase.Figures::transactionsPerConfirmed);
        figures.put("wal.flushesPerConfirmed", Phase.Figures::walFlushesPerConfirmed);
        figures.put("wal.kibPerConfirmed", Phase.Figures::walKiBPerConfirmed);
        figures.put("disk.slowestSyncMs", Phase.Figures::diskSlowestSyncMillis);
        figures.put(
                "disk.syncsOver" + DiskSyncs.SLOW.toMillis() + "Ms",
                phase -> phase.diskSlowSyncs() == null ? null : (double) phase.diskSlowSyncs());
        return figures;
    }

    private static double median(List<BookingLoad.Figures> runs, String phase, ToDoubleFunction<Phase.Figures> figure) {
        return median(runs, run -> figure.applyAsDouble(run.phases().get(phase)));
    }

    private static ToDoubleFunction<Phase.Figures> outcome(ToIntFunction<Phase.Outcomes> count) {
        return phase -> count.applyAsInt(phase.outcomes());
    }

    /** @return null, absent rather than zero, when a run could not measure the figure */
    private static Double medianOrAbsent(
            List<BookingLoad.Figures> runs, String phase, Function<Phase.Figures, Double> figure) {
        List<Double> values =
                runs.stream().map(run -> figure.apply(run.phases().get(phase))).toList();
        return values.stream().anyMatch(Objects::isNull) ? null : median(values, Double::doubleValue);
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> report) {
        System.out.printf(
                "%nMedians of %s runs (options %s, %s cores here):%n",
                report.get("runs"), report.get("options"), Runtime.getRuntime().availableProcessors());
        printFigures((Map<String, Double>) report.get("medians"));
        ((Map<String, Map<String, Double>>) report.getOrDefault("mediansByGatewayLatency", Map.of()))
                .forEach((latency, figures) -> {
                    System.out.printf("With the payment gateway answering in %s:%n", latency);
                    printFigures(figures);
                });
        ((List<String>) report.get("failures")).forEach(failure -> System.out.println("FAILED: " + failure));
    }

    private static void printFigures(Map<String, Double> figures) {
        figures.forEach((name, value) -> {
            if (value == null) {
                System.out.printf("  %-55s %12s%n", name, "absent");
            } else {
                // Ratios are small fractions: enough digits that they do not print as zero.
                System.out.printf(name.contains("ratio") ? "  %-55s %12.4f%n" : "  %-55s %12.2f%n", name, value);
            }
        });
    }

    /** {@code --version}: the version that the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"${COMMAND-NAME} " + Version.class.getPackage().getImplementationVersion()};
        }
    }

    static void progress(String format, Object... values) {
        System.out.printf(format + "%n", values);
    }
}
