package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LaunchOptionsTest {

    @Test
    void keepsItsDataUnderTheWorkingDirectoryByDefault() {
        LaunchOptions options = parse(new String[0], Map.of());

        assertThat(options.database()).isEqualTo(new LaunchOptions.KeptEmbedded(Path.of("data", "postgres"), 0));
        assertThat(options.randomPorts()).isFalse();
    }

    @Test
    void takesADataDirectoryAPortAndRandomServicePorts() {
        LaunchOptions options =
                parse(new String[] {"--data-dir=/var/lib/booking", "--pg-port=5433", "--random-ports"}, Map.of());

        assertThat(options.database()).isEqualTo(new LaunchOptions.KeptEmbedded(Path.of("/var/lib/booking"), 5433));
        assertThat(options.randomPorts()).isTrue();
    }

    @Test
    void canStartTheDatabasesAlone() {
        LaunchOptions options = parse(new String[] {"--database-only", "--pg-port=5432"}, Map.of());

        assertThat(options.databaseOnly()).isTrue();
        assertThat(options.database()).isEqualTo(new LaunchOptions.KeptEmbedded(Path.of("data", "postgres"), 5432));
    }

    @Test
    void runsUntilStoppedUnlessAskedToStopOnceStarted() {
        assertThat(parse(new String[0], Map.of()).stopOnceStarted()).isFalse();
        assertThat(parse(new String[] {"--stop-once-started"}, Map.of()).stopOnceStarted())
                .isTrue();
    }

    @Test
    void aThrowawayDatabaseKeepsNothing() {
        assertThat(parse(new String[] {"--throwaway"}, Map.of()).database())
                .isInstanceOf(LaunchOptions.ThrowawayEmbedded.class);
    }

    @Test
    void anExternalServerFromTheEnvironmentWinsOverTheEmbeddedOne() {
        LaunchOptions options = parse(
                new String[] {"--throwaway"},
                Map.of(
                        "BOOKING_PG_URL",
                        "jdbc:postgresql://db.internal:5432/postgres",
                        "BOOKING_PG_USER",
                        "booking",
                        "BOOKING_PG_PASSWORD",
                        "secret"));

        assertThat(options.database())
                .isEqualTo(
                        new LaunchOptions.External("jdbc:postgresql://db.internal:5432/postgres", "booking", "secret"));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        Run run = launch("--verbose");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--verbose'");
    }

    @Test
    void refusesAPortThatIsNotANumber() {
        Run run = launch("--pg-port=five");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Invalid value for option '--pg-port': five is not a port number from 1 to 65535");
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThat(launch("--pg-port=65536").exitCode()).isEqualTo(2);
        assertThat(launch("--pg-port=65535").exitCode()).isEqualTo(WOULD_START);
    }

    @Test
    void describesItsOptionsAndTheEnvironmentOnRequest() {
        Run run = launch("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "--throwaway",
                        "--data-dir=PATH",
                        "--pg-port=N",
                        "--random-ports",
                        "--database-only",
                        "--stop-once-started",
                        "BOOKING_PG_URL",
                        "BOOKING_PG_USER",
                        "BOOKING_PG_PASSWORD");
    }

    private static LaunchOptions parse(String[] args, Map<String, String> environment) {
        LaunchOptions.Arguments arguments = new LaunchOptions.Arguments();
        new CommandLine(arguments).parseArgs(args);
        return arguments.with(environment);
    }

    private record Run(int exitCode, String out, String err) {}

    /** What {@link #launch} answers where the launcher would start the platform. */
    private static final int WOULD_START = 99;

    /** The launcher's command line, stopped short of starting anything. */
    private static Run launch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new BookingPlatformLauncher())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .setExecutionStrategy(
                        parsed -> Objects.requireNonNullElse(CommandLine.executeHelpRequest(parsed), WOULD_START))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
