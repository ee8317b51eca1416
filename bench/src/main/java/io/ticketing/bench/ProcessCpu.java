package io.ticketing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU time that the processes under test have used so far, summed: user and system time of all their threads,
 * as {@code /proc/PID/stat} counts them (fields 14 and 15, in clock ticks). With no process to read there is no
 * figure at all, so that a missing measurement never reads as a platform that costs nothing.
 */
final class ProcessCpu {

    private static final int UTIME_FIELD = 14;
    private static final int STIME_FIELD = 15;
    /** The fields after the command name's closing parenthesis start with field 3, the state. */
    private static final int FIRST_FIELD_AFTER_NAME = 3;

    private static long ticksPerSecond;

    private final Set<Long> pids;

    private ProcessCpu(Set<Long> pids) {
        this.pids = pids;
    }

    static ProcessCpu of(long pid) {
        return new ProcessCpu(Set.of(pid));
    }

    static ProcessCpu none() {
        return new ProcessCpu(Set.of());
    }

    /**
     * The processes named by the {@code *.pid} files of {@code directory}, or of its {@code pids} folder, where
     * {@code scripts/distributed-up.sh} writes one for every service instance, Axon Server and the database's
     * launcher. PostgreSQL's own server processes are not among them, as in the standalone mode, whose database runs
     * beside the benchmark.
     */
    static ProcessCpu fromPidFiles(Path directory) throws IOException {
        Path folder = Files.isDirectory(directory.resolve("pids")) ? directory.resolve("pids") : directory;
        Set<Long> pids = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.pid")) {
            for (Path file : files) {
                long pid = Long.parseLong(Files.readString(file).trim());
                if (!Files.exists(stat(pid))) {
                    throw new IllegalArgumentException(file + " names process " + pid + ", which is not running");
                }
                pids.add(pid);
            }
        }
        if (pids.isEmpty()) {
            throw new IllegalArgumentException("No *.pid file in " + folder);
        }
        return new ProcessCpu(pids);
    }

    /** @return empty with no process to read, or when one has gone: a sum without it would be too low */
    OptionalDouble millis() throws IOException, InterruptedException {
        if (pids.isEmpty()) {
            return OptionalDouble.empty();
        }
        long ticks = 0;
        for (long pid : pids) {
            String stat;
            try {
                stat = Files.readString(stat(pid));
            } catch (NoSuchFileException gone) {
                return OptionalDouble.empty();
            }
            // The command name, field 2, is in parentheses and may hold spaces: count from its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[UTIME_FIELD - FIRST_FIELD_AFTER_NAME])
                    + Long.parseLong(fields[STIME_FIELD - FIRST_FIELD_AFTER_NAME]);
        }
        return OptionalDouble.of(ticks * 1000.0 / ticksPerSecond());
    }

    private static Path stat(long pid) {
        return Path.of("/proc", Long.toString(pid), "stat");
    }

    /** The kernel's clock ticks a second ({@code getconf CLK_TCK}, 100 almost everywhere), asked once. */
    private static synchronized long ticksPerSecond() throws IOException, InterruptedException {
        if (ticksPerSecond == 0) {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (getconf.waitFor() != 0) {
                throw new IOException("getconf CLK_TCK failed: " + answer);
            }
            ticksPerSecond = Long.parseLong(answer);
        }
        return ticksPerSecond;
    }
}
