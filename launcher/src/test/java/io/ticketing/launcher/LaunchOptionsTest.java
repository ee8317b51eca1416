package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void keepsItsDataUnderTheWorkingDirectoryByDefault() {
        LaunchOptions options = LaunchOptions.parse(new String[0], Map.of());

        assertThat(options.database()).isEqualTo(new LaunchOptions.KeptEmbedded(Path.of("data", "postgres"), 0));
        assertThat(options.randomPorts()).isFalse();
    }

    @Test
    void takesADataDirectoryAPortAndRandomServicePorts() {
        LaunchOptions options = LaunchOptions.parse(
                new String[] {"--data-dir=/var/lib/booking", "--pg-port=5433", "--random-ports"}, Map.of());

        assertThat(options.database()).isEqualTo(new LaunchOptions.KeptEmbedded(Path.of("/var/lib/booking"), 5433));
        assertThat(options.randomPorts()).isTrue();
    }

    @Test
    void canStartTheDatabasesAlone() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--database-only", "--pg-port=5432"}, Map.of());

        assertThat(options.databaseOnly()).isTrue();
        assertThat(options.database()).isEqualTo(new LaunchOptions.KeptEmbedded(Path.of("data", "postgres"), 5432));
    }

    @Test
    void aThrowawayDatabaseKeepsNothing() {
        assertThat(LaunchOptions.parse(new String[] {"--throwaway"}, Map.of()).database())
                .isInstanceOf(LaunchOptions.ThrowawayEmbedded.class);
    }

    @Test
    void anExternalServerFromTheEnvironmentWinsOverTheEmbeddedOne() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--throwaway"}, Map.of(
                "BOOKING_PG_URL", "jdbc:postgresql://db.internal:5432/postgres",
                "BOOKING_PG_USER", "booking", "BOOKING_PG_PASSWORD", "secret"));

        assertThat(options.database()).isEqualTo(new LaunchOptions.External(
                "jdbc:postgresql://db.internal:5432/postgres", "booking", "secret"));
    }

    @Test
    void refusesWhatItDoesNotKnowAndSaysWhatItKnows() {
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] {"--verbose"}, Map.of()))
                .withMessageContaining("--throwaway");
    }

    @Test
    void refusesAPortThatIsNotANumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] {"--pg-port=five"}, Map.of()))
                .withMessage("--pg-port takes a port number from 1 to 65535, not five");
    }
}
