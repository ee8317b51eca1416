package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/class-data-archive.sh}, as {@code run.sh} runs it: it unpacks the packaged launcher, starts the
 * platform once with {@code --stop-once-started} to record the classes a start loads, and leaves an archive that a
 * JVM insisting on class-data sharing ({@code -Xshare:on}, which refuses to start without it) can use with the
 * unpacked launcher. The recording start must ignore an external database named in the environment: it would start
 * every service against a database that someone uses. It runs with a first admin named in the environment, as the
 * README's walkthrough starts {@code run.sh}: registering the admin runs a unit of work, whose time limit starts a
 * thread of Axon's that nothing stops, and the recording must end all the same.
 */
class ClassDataArchiveIT {

    private static final Path SCRIPT = Path.of("..", "scripts", "class-data-archive.sh");
    private static final Path PACKAGED = Path.of("target", "booking-platform-launcher.jar");
    private static final Path UNPACKED = Path.of("target", "class-data-archive-it");

    @Test
    void recordsAnArchiveThatTheUnpackedLauncherStartsWith() throws Exception {
        Path scriptLog = Files.createTempFile("class-data-archive", ".log");
        ProcessBuilder script = new ProcessBuilder("bash", SCRIPT.toString(), PACKAGED.toString(), UNPACKED.toString())
                .redirectErrorStream(true)
                .redirectOutput(scriptLog.toFile());
        script.environment().put("BOOKING_PG_URL", "jdbc:postgresql://nowhere.invalid:5432/postgres");
        script.environment().put("ADMIN_EMAIL", "admin@example.com");
        script.environment().put("ADMIN_PASSWORD", "change-me-now");
        Process recording = script.start();

        try {
            assertThat(recording.waitFor(3, TimeUnit.MINUTES))
                    .as("the recording start stopped by itself")
                    .isTrue();
        } finally {
            recording.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        assertThat(recording.exitValue()).as(Files.readString(scriptLog)).isZero();
        assertThat(Files.readString(UNPACKED.resolve("recording-start.log"))).contains("stopping, as asked");
        Path archive = UNPACKED.resolve("booking-platform-launcher.jsa");
        assertThat(archive).isNotEmptyFile();

        assertThat(run(
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=" + archive,
                        "-jar",
                        UNPACKED.resolve("booking-platform-launcher.jar").toString(),
                        "--version"))
                .startsWith("booking-platform-launcher ");
    }

    /** What a JVM with {@code arguments} prints; fails the test when it exits with an error. */
    private static String run(String... arguments) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
