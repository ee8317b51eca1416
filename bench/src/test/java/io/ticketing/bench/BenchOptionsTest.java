package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchOptionsTest {

    @Test
    void withoutOptionsRunsEveryScenarioAtTheDocumentedSize() {
        BenchOptions options = parse();

        assertThat(options.runs).isEqualTo(3);
        assertThat(options.scenarios()).isEqualTo(EnumSet.allOf(Scenario.class));
        assertThat(options.load())
                .isEqualTo(new BookingLoad.Size(
                        12_000,
                        0.10,
                        4000,
                        20,
                        2000,
                        8,
                        20,
                        400,
                        10_000,
                        16,
                        500,
                        1000,
                        new BookingLoad.Capacity(List.of(50, 60, 70, 80, 90, 100, 110), 20, 150)));
        assertThat(options.historyEvents).isEqualTo(1_000_000);
        assertThat(options.latencies()).containsExactly("PT0S");
        assertThat(options.launcher).isEqualTo(Path.of("launcher/target/app/booking-platform-launcher.jar"));
        assertThat(options.out).isEqualTo(Path.of("bench-results.json"));
        assertThat(options.target).isNull();
        assertThat(options.pidsFrom).isNull();
        assertThat(options.diskOf).isNull();
    }

    @Test
    void takesEachOptionAsNameEqualsValue() {
        BenchOptions options = parse(
                "--runs=1",
                "--scenarios=bookings,HOT",
                "--bookings=50",
                "--clients=2",
                "--paced-rate=5.5",
                "--paced-bookings=20",
                "--warm-up-bookings=0",
                "--warm-up-until-jit-below=5",
                "--warm-up-burst-bookings=300",
                "--warm-up-rate=7",
                "--burst-bookings=0",
                "--burst-clients=4",
                "--hot-capacity=10",
                "--hot-bookings=30",
                "--history-events=100",
                "--capacity-rates=90,30,60",
                "--capacity-seconds=5",
                "--capacity-p99-ms=200",
                "--gateway-latencies=PT0S, PT0.05S",
                "--out=/tmp/out.json");

        assertThat(options.runs).isEqualTo(1);
        assertThat(options.scenarios()).containsExactlyInAnyOrder(Scenario.BOOKINGS, Scenario.HOT);
        assertThat(options.load())
                .isEqualTo(new BookingLoad.Size(
                        0,
                        0.05,
                        300,
                        7,
                        50,
                        2,
                        5.5,
                        20,
                        0,
                        4,
                        10,
                        30,
                        new BookingLoad.Capacity(List.of(30, 60, 90), 5, 200)));
        assertThat(options.historyEvents).isEqualTo(100);
        assertThat(options.latencies()).containsExactly("PT0S", "PT0.05S");
        assertThat(options.out).isEqualTo(Path.of("/tmp/out.json"));
    }

    @Test
    void takesTheServicesToTargetAndWhereTheirProcessesAre() {
        BenchOptions options = parse(
                "--target=user-command=http://host:8081,booking-command=http://host:8082,"
                        + "booking-query=http://host:8084",
                "--pids-from=distributed",
                "--disk-of=distributed");

        assertThat(options.target)
                .containsExactly(
                        Map.entry("user-command", "http://host:8081"),
                        Map.entry("booking-command", "http://host:8082"),
                        Map.entry("booking-query", "http://host:8084"));
        assertThat(options.pidsFrom).isEqualTo(Path.of("distributed"));
        assertThat(options.diskOf).isEqualTo(Path.of("distributed"));
    }

    @Test
    void oneGatewayLatencyIsAListOfOne() {
        assertThat(parse("--gateway-latency=PT0.1S").latencies()).containsExactly("PT0.1S");
    }

    @Test
    void refusesOneLatencyAndSeveralTogether() {
        assertThatThrownBy(() -> parse("--gateway-latency=PT0S", "--gateway-latencies=PT0S,PT1S"))
                .isInstanceOf(CommandLine.MutuallyExclusiveArgsException.class);
    }

    @Test
    void refusesALatencyThatIsNoDuration() {
        BenchOptions options = parse("--gateway-latencies=PT0S,50ms");

        assertThatThrownBy(options::latencies).hasMessageContaining("50ms");
    }

    @Test
    void refusesACapacityLadderThatCannotPace() {
        assertThatThrownBy(() -> parse("--capacity-rates=50,0").load()).hasMessageContaining("[50, 0]");
        assertThatThrownBy(() -> parse("--capacity-seconds=0").load()).hasMessageContaining("0 s");
    }

    @Test
    void refusesAnUnknownScenarioOrOption() {
        assertThatThrownBy(() -> parse("--scenarios=bookings,everything"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("everything");
        assertThatThrownBy(() -> parse("--bookngs=10")).isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }

    @Test
    void refusesADiskToTimeWithoutServicesToTarget() {
        StringWriter err = new StringWriter();
        CommandLine benchmark = Benchmark.commandLine().setErr(new PrintWriter(err));

        int exitCode = benchmark.execute("--disk-of=/var/lib/postgresql");

        assertThat(exitCode).isEqualTo(benchmark.getCommandSpec().exitCodeOnInvalidInput());
        assertThat(err.toString()).contains("--disk-of goes with --target");
    }

    @Test
    void theReportSaysWhichOptionsWereGivenAsTheyWereGiven() {
        CommandLine commandLine = commandLine(new BenchOptions());

        Map<String, String> given =
                BenchOptions.given(commandLine.parseArgs("--runs=1", "--scenarios=bookings,burst", "--paced-rate=20"));

        assertThat(given)
                .containsExactly(
                        Map.entry("runs", "1"),
                        Map.entry("scenarios", "bookings,burst"),
                        Map.entry("paced-rate", "20"));
    }

    private static BenchOptions parse(String... args) {
        BenchOptions options = new BenchOptions();
        commandLine(options).parseArgs(args);
        return options;
    }

    /** As the benchmark's main reads them. */
    private static CommandLine commandLine(BenchOptions options) {
        return new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
