package io.ticketing.launcher;

import io.ticketing.client.PlatformClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged launcher, run as its own process the way a user runs it, so that a test can kill it with SIGKILL
 * and start it again.
 */
final class LauncherProcess {

    private static final Path JAR = Path.of("target", "booking-platform-launcher.jar");
    private static final Pattern SERVICE_LINE =
            Pattern.compile("^\\s+(\\S+)\\s+http://localhost:(\\d+)", Pattern.MULTILINE);
    private static final Pattern POSTGRES_LINE =
            Pattern.compile("^\\s+postgresql\\s+localhost:(\\d+)", Pattern.MULTILINE);

    private final Process process;
    private final Map<String, Integer> ports;
    private final int postgresPort;

    private LauncherProcess(Process process, Map<String, Integer> ports, int postgresPort) {
        this.process = process;
        this.ports = ports;
        this.postgresPort = postgresPort;
    }

    /**
     * What a launcher needs to run on a database the test owns (so that it survives the launcher's death), with
     * the tests' admin, plus {@code settings}.
     */
    static Map<String, String> environmentOn(PostgresServer postgres, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("BOOKING_PG_URL", postgres.jdbcUrl("postgres"));
        environment.put("BOOKING_PG_USER", postgres.username());
        environment.put("BOOKING_PG_PASSWORD", postgres.password());
        environment.put("ADMIN_EMAIL", TestClients.ADMIN_EMAIL);
        environment.put("ADMIN_PASSWORD", TestClients.ADMIN_PASSWORD);
        return environment;
    }

    /** Starts the launcher with {@code environment} and waits until it says every service is up. */
    static LauncherProcess start(Map<String, String> environment, Path log, String... options) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-jar", JAR.toString(), "--random-ports"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log).substring((int) logStart);
            if (output.contains("Press Ctrl-C to stop.")) {
                Matcher postgres = POSTGRES_LINE.matcher(output);
                return new LauncherProcess(
                        process, portsIn(output), postgres.find() ? Integer.parseInt(postgres.group(1)) : -1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The launcher exited with " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The launcher did not come up within two minutes; see " + log);
    }

    private static Map<String, Integer> portsIn(String output) {
        Map<String, Integer> ports = new HashMap<>();
        Matcher line = SERVICE_LINE.matcher(output);
        while (line.find()) {
            ports.put(line.group(1), Integer.parseInt(line.group(2)));
        }
        return ports;
    }

    /** The port of the PostgreSQL server the launcher started or uses. */
    int postgresPort() {
        return postgresPort;
    }

    PlatformClient client() {
        return TestClients.onLocalPorts(ports);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException, IOException {
        process.destroy();
        process.waitFor();
    }
}
