package io.ticketing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged standalone launcher as the process under test: how long it takes to come up, where its services
 * listen, how much memory it holds at most (the kernel's high-water mark of its resident set), and its CPU time.
 * <p>
 * It lives no longer than the bench: a bench stopped early (Ctrl-C, SIGTERM) stops it on its way out, or it would go
 * on holding the ports and the database that the next run needs.
 */
final class PlatformProcess implements AutoCloseable {

    private static final Pattern SERVICE = Pattern.compile("^\\s+(\\S+)\\s+http://localhost:(\\d+)", Pattern.MULTILINE);

    private final Process process;
    private final Thread stopOnExit;
    private final Map<String, String> baseUrls;
    private final Duration startUp;

    private PlatformProcess(Process process, Thread stopOnExit, Map<String, String> baseUrls, Duration startUp) {
        this.process = process;
        this.stopOnExit = stopOnExit;
        this.baseUrls = baseUrls;
        this.startUp = startUp;
    }

    static PlatformProcess start(Path launcherJar, Map<String, String> environment, Path log, String heap)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // As run.sh starts it: the figures are of the platform people run.
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC"));
        classDataArchiveOf(launcherJar).ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
        command.addAll(List.of("-jar", launcherJar.toString(), "--random-ports"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        Thread stopOnExit = new Thread(() -> stop(process), "stop-the-platform");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        while (System.nanoTime() - started < Duration.ofMinutes(3).toNanos()) {
            String output = Files.readString(log);
            if (output.contains("Press Ctrl-C to stop.")) {
                Map<String, String> urls = new HashMap<>();
                Matcher line = SERVICE.matcher(output);
                while (line.find()) {
                    urls.put(line.group(1), "http://localhost:" + line.group(2));
                }
                return new PlatformProcess(process, stopOnExit, urls, Duration.ofNanos(System.nanoTime() - started));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The launcher exited; see " + log);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The launcher did not come up in three minutes; see " + log);
    }

    /** The class-data archive that {@code scripts/class-data-archive.sh} records beside an unpacked launcher. */
    static Optional<Path> classDataArchiveOf(Path launcherJar) {
        String jarName = launcherJar.getFileName().toString();
        Path archive = launcherJar.resolveSibling(jarName.replaceFirst("\\.jar$", "") + ".jsa");
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    Map<String, String> baseUrls() {
        return baseUrls;
    }

    Duration startUp() {
        return startUp;
    }

    /** The launcher runs the whole platform in its one process, so that process's CPU time is the platform's. */
    ProcessCpu cpu() {
        return ProcessCpu.of(process.pid());
    }

    /** The most memory the process has held resident so far, in MiB (Linux: VmHWM). */
    long peakResidentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        stop(process);
    }

    /** As Ctrl-C would: the launcher stops its services and its database before it exits. */
    private static void stop(Process process) {
        process.destroy();
        process.onExit().join();
    }
}
