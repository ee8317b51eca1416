package io.ticketing.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The benchmark's command-line options, as picocli reads them; each default is the one its documentation gives. */
final class BenchOptions {

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "3",
            description = "Runs, each on a fresh PostgreSQL; the medians are over them (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--scenarios",
            paramLabel = "LIST",
            split = ",",
            description = "Some of ${COMPLETION-CANDIDATES}, in any case (default: all); the PostgreSQL baseline "
                    + "always runs.")
    private Set<Scenario> scenarios;

    @Option(
            names = "--warm-up-bookings",
            paramLabel = "N",
            defaultValue = "12000",
            description = "The most bookings placed at --warm-up-rate before anything is measured, in rounds of half a "
                    + "minute until the JIT compiler is nearly done (--warm-up-until-jit-below); 0 measures a cold "
                    + "platform (default: ${DEFAULT-VALUE}).")
    int warmUpBookings;

    @Option(
            names = "--warm-up-until-jit-below",
            paramLabel = "PERCENT",
            defaultValue = "10",
            description =
                    "The warm-up ends after a round in which the JIT compiler's threads took less than this share "
                            + "of the platform's CPU; with no process to read (--target without --pids-from), it places all "
                            + "of --warm-up-bookings (default: ${DEFAULT-VALUE}).")
    double warmUpUntilJitBelowPercent;

    @Option(
            names = "--warm-up-burst-bookings",
            paramLabel = "N",
            defaultValue = "4000",
            description = "Bookings the warm-up then places flat out, unless it placed none, before paced rounds "
                    + "again until the JIT compiler is nearly done: it compiles what a burst makes hot only once a "
                    + "burst has come, and the phases measured after it meet that code compiled; 0 skips it "
                    + "(default: ${DEFAULT-VALUE}).")
    int warmUpBurstBookings;

    @Option(
            names = "--warm-up-rate",
            paramLabel = "PER_SECOND",
            defaultValue = "20",
            description = "Bookings a second in the warm-up's paced rounds, whatever --paced-rate is: a warm-up faster "
                    + "than a platform still compiling keeps up with is refused in part and leaves the phases after it "
                    + "a backlog (default: ${DEFAULT-VALUE}).")
    double warmUpRate;

    @Option(
            names = "--bookings",
            paramLabel = "N",
            defaultValue = "2000",
            description = "The flat-out phase's bookings (default: ${DEFAULT-VALUE}).")
    int bookings;

    @Option(
            names = "--clients",
            paramLabel = "N",
            defaultValue = "8",
            description = "The flat-out phase's clients, each sending its next booking once the last is answered "
                    + "(default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--paced-rate",
            paramLabel = "PER_SECOND",
            defaultValue = "20",
            description = "Bookings a second in the paced phase (default: ${DEFAULT-VALUE}).")
    double pacedRate;

    @Option(
            names = "--paced-bookings",
            paramLabel = "N",
            defaultValue = "400",
            description = "The paced phase's bookings (default: ${DEFAULT-VALUE}).")
    int pacedBookings;

    @Option(
            names = "--burst-bookings",
            paramLabel = "N",
            defaultValue = "10000",
            description = "The burst's bookings; a 503 is counted, not sent again; 0 skips it "
                    + "(default: ${DEFAULT-VALUE}).")
    int burstBookings;

    @Option(
            names = "--burst-clients",
            paramLabel = "N",
            defaultValue = "16",
            description = "The burst's clients (default: ${DEFAULT-VALUE}).")
    int burstClients;

    @Option(
            names = "--hot-capacity",
            paramLabel = "N",
            defaultValue = "500",
            description = "The hot show's seats (default: ${DEFAULT-VALUE}).")
    int hotCapacity;

    @Option(
            names = "--hot-bookings",
            paramLabel = "N",
            defaultValue = "1000",
            description = "The hot show's one-ticket bookings; a 503 is sent again after its Retry-After "
                    + "(default: ${DEFAULT-VALUE}).")
    int hotBookings;

    @Option(
            names = "--capacity-rates",
            paramLabel = "LIST",
            split = ",",
            defaultValue = "50,60,70,80,90,100,110",
            description = "The capacity scenario's paced steps, bookings a second, lowest first; every step runs, "
                    + "whatever the one before it came to (default: ${DEFAULT-VALUE}).")
    List<Integer> capacityRates;

    @Option(
            names = "--capacity-seconds",
            paramLabel = "N",
            defaultValue = "20",
            description = "How long each capacity step paces its bookings (default: ${DEFAULT-VALUE}).")
    int capacitySeconds;

    @Option(
            names = "--capacity-p99-ms",
            paramLabel = "MILLIS",
            defaultValue = "150",
            description = "The placed-to-confirmed p99 a capacity step must stay under to count as kept up with "
                    + "(default: ${DEFAULT-VALUE}).")
    double capacityP99Millis;

    @Option(
            names = "--history-events",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "The generated history's events, for the history scenario (default: ${DEFAULT-VALUE}).")
    int historyEvents;

    @ArgGroup(exclusive = true, heading = "The payment gateway's latency, one or several (default: PT0S):%n")
    GatewayLatencies gatewayLatencies;

    @Option(
            names = "--launcher",
            paramLabel = "JAR",
            defaultValue = "launcher/target/app/booking-platform-launcher.jar",
            description = "The launcher that the runs start, with the class-data archive beside it (NAME.jsa) when "
                    + "there is one; the default is the unpacked launcher that ./run.sh starts (default: "
                    + "${DEFAULT-VALUE}).")
    Path launcher;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "bench-results.json",
            description = "Where the medians and each run's figures go, as JSON (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--target",
            paramLabel = "SERVICE=URL",
            split = ",",
            description = "The booking scenarios against services that run already: the base URLs of "
                    + "user-command, booking-command and booking-query, with an admin's login in "
                    + "BENCH_ADMIN_EMAIL and BENCH_ADMIN_PASSWORD.")
    Map<String, String> target;

    @Option(
            names = "--pids-from",
            paramLabel = "DIR",
            description = "With --target: the *.pid files (in DIR or DIR/pids, as scripts/distributed-up.sh writes "
                    + "them) whose processes' CPU time counts; without it, CPU is not measured.")
    Path pidsFrom;

    @Option(
            names = "--disk-of",
            paramLabel = "DIR",
            description = "With --target: a directory on the disk that holds the services' database (its pg_wal, "
                    + "say), whose syncs every phase times as the bench times its own server's; without it, they are "
                    + "not timed.")
    Path diskOf;

    /** One payment gateway latency or several, not both. */
    static final class GatewayLatencies {

        @Option(
                names = "--gateway-latencies",
                paramLabel = "LIST",
                split = ",",
                required = true,
                description = "The booking scenarios once per latency (ISO-8601 durations), each on a platform "
                        + "started with it.")
        List<String> several;

        @Option(names = "--gateway-latency", paramLabel = "DURATION", required = true, description = "One latency.")
        String one;

        List<String> latencies() {
            return several != null ? several : List.of(one);
        }
    }

    /** The options given on the command line, as given: the report says what was asked for, not the defaults. */
    static Map<String, String> given(ParseResult parsed) {
        Map<String, String> given = new LinkedHashMap<>();
        parsed.matchedOptions()
                .forEach(option -> given.put(
                        option.longestName().substring("--".length()),
                        String.join(",", option.originalStringValues())));
        return given;
    }

    Set<Scenario> scenarios() {
        return scenarios == null ? EnumSet.allOf(Scenario.class) : scenarios;
    }

    BookingLoad.Size load() {
        return new BookingLoad.Size(
                warmUpBookings,
                warmUpUntilJitBelowPercent / 100,
                warmUpBurstBookings,
                warmUpRate,
                bookings,
                clients,
                pacedRate,
                pacedBookings,
                burstBookings,
                burstClients,
                hotCapacity,
                hotBookings,
                new BookingLoad.Capacity(capacityRates, capacitySeconds, capacityP99Millis));
    }

    /** The latencies asked for; without a choice, a gateway that answers at once. */
    List<String> latencies() {
        List<String> latencies = gatewayLatencies == null
                ? List.of("PT0S")
                : gatewayLatencies.latencies().stream().map(String::trim).toList();
        // Here rather than in a platform that would not start: after the baseline, and possibly a first latency.
        for (String latency : latencies) {
            try {
                Duration.parse(latency);
            } catch (DateTimeParseException notADuration) {
                throw new IllegalArgumentException(
                        "A gateway latency is an ISO-8601 duration such as PT0.05S, not " + latency, notADuration);
            }
        }
        return latencies;
    }
}
