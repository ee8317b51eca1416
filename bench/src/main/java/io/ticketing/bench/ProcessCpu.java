package io.ticketing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The CPU time that the processes under test have used so far, summed: user and system time of all their threads,
 * as {@code /proc/PID/stat} counts them (fields 14 and 15, in clock ticks). With no process to read there is no
 * figure at all, so that a missing measurement never reads as a platform that costs nothing.
 */
final class ProcessCpu {

    private static final int PPID_FIELD = 4;
    private static final int UTIME_FIELD = 14;
    private static final int STIME_FIELD = 15;
    // The user and system time of a process's children that have ended and that it has waited for.
    private static final int CUTIME_FIELD = 16;
    private static final int CSTIME_FIELD = 17;
    /** The fields after the command name's closing parenthesis start with field 3, the state. */
    private static final int FIRST_FIELD_AFTER_NAME = 3;

    /** HotSpot's "C1 CompilerThread0", "C2 CompilerThread1", ..., as the kernel cuts names to 15 characters. */
    private static final Pattern COMPILER_THREAD = Pattern.compile("^\\d+ \\(C[12] CompilerThre");

    private static long ticksPerSecond;

    private final Set<Long> pids;
    /** Whether the processes' children count too, those that have ended included. */
    private final boolean withChildren;

    private ProcessCpu(Set<Long> pids, boolean withChildren) {
        this.pids = pids;
        this.withChildren = withChildren;
    }

    static ProcessCpu of(long pid) {
        return new ProcessCpu(Set.of(pid), false);
    }

    static ProcessCpu none() {
        return new ProcessCpu(Set.of(), false);
    }

    /**
     * A PostgreSQL server, found through one of its backends: its postmaster and every process the postmaster runs,
     * a backend for each connection, the WAL writer, the checkpointer, autovacuum's workers, and those that have
     * ended.
     */
    static ProcessCpu serverOf(long backendPid) throws IOException {
        return new ProcessCpu(Set.of(parentPidOf(Files.readString(stat(backendPid)))), true);
    }

    /**
     * The processes named by the {@code *.pid} files of {@code directory}, or of its {@code pids} folder, where
     * {@code scripts/distributed-up.sh} writes one for every service instance, Axon Server and the database's
     * launcher. PostgreSQL's own server processes, that launcher's children, are not among them; only a server the
     * benchmark starts itself is read, apart ({@link #serverOf}).
     */
    static ProcessCpu fromPidFiles(Path directory) throws IOException {
        Path folder = Files.isDirectory(directory.resolve("pids")) ? directory.resolve("pids") : directory;
        Set<Long> pids = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.pid")) {
            for (Path file : files) {
                long pid = pidIn(file);
                if (!Files.exists(stat(pid))) {
                    throw new IllegalArgumentException(file + " names process " + pid + ", which is not running");
                }
                pids.add(pid);
            }
        }
        if (pids.isEmpty()) {
            throw new IllegalArgumentException("No *.pid file in " + folder);
        }
        return new ProcessCpu(pids, false);
    }

    private static long pidIn(Path file) throws IOException {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (NumberFormatException notOneNumber) {
            throw new IllegalArgumentException(
                    file + " holds more than a process id; --pids-from takes a directory of *.pid files of one "
                            + "number each, as scripts/distributed-up.sh writes them (a PostgreSQL data directory "
                            + "is not one)",
                    notOneNumber);
        }
    }

    /**
     * The CPU time so far, and the part of it the JIT compiler's threads took: a platform just started, or one whose
     * load has just changed, spends much of its CPU compiling (docs/benchmarks.md), which a platform that has run
     * for a while at that load no longer pays.
     *
     * @param millis         all threads' CPU time
     * @param compilerMillis the compiler threads' share of it, as far as they still run (the JVM may stop one it
     *                       started for a burst of compilation, and its time is no longer listed)
     */
    record Reading(double millis, double compilerMillis) {

        /** What was used between two readings, if both could be taken. */
        static Optional<Reading> between(Optional<Reading> start, Optional<Reading> end) {
            return end.flatMap(last -> start.map(
                    first -> new Reading(last.millis - first.millis, last.compilerMillis - first.compilerMillis)));
        }

        double compilerShare() {
            return compilerMillis / millis;
        }
    }

    /** @return empty with no process to read, or when one has gone: a sum without it would be too low */
    Optional<Reading> read() throws IOException, InterruptedException {
        if (pids.isEmpty()) {
            return Optional.empty();
        }
        long ticks = 0;
        long compilerTicks = 0;
        for (long pid : pids) {
            String stat;
            try {
                stat = Files.readString(stat(pid));
            } catch (NoSuchFileException gone) {
                return Optional.empty();
            }
            ticks += ticks(stat);
            if (withChildren) {
                String[] fields = fields(stat);
                ticks += Long.parseLong(fields[CUTIME_FIELD - FIRST_FIELD_AFTER_NAME])
                        + Long.parseLong(fields[CSTIME_FIELD - FIRST_FIELD_AFTER_NAME])
                        + runningChildrenTicks(pid);
            }
            compilerTicks += compilerTicks(pid);
        }
        double millisPerTick = 1000.0 / ticksPerSecond();
        return Optional.of(new Reading(ticks * millisPerTick, compilerTicks * millisPerTick));
    }

    private static long compilerTicks(long pid) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(stat(pid).resolveSibling("task"))) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    if (COMPILER_THREAD.matcher(stat).find()) {
                        ticks += ticks(stat);
                    }
                } catch (NoSuchFileException ended) {
                    // A thread that ended while the threads were listed.
                }
            }
        } catch (NoSuchFileException gone) {
            // The process ended after its own line was read; the next reading says so.
        }
        return ticks;
    }

    private static long runningChildrenTicks(long parentPid) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (parentPidOf(stat) == parentPid) {
                        ticks += ticks(stat);
                    }
                } catch (NoSuchFileException ended) {
                    // Its time is now the parent's, counted with its other ended children.
                }
            }
        }
        return ticks;
    }

    /** User and system time of a process's or thread's {@code stat} line. */
    private static long ticks(String stat) {
        String[] fields = fields(stat);
        return Long.parseLong(fields[UTIME_FIELD - FIRST_FIELD_AFTER_NAME])
                + Long.parseLong(fields[STIME_FIELD - FIRST_FIELD_AFTER_NAME]);
    }

    /** The parent's pid in a process's {@code stat} line. */
    private static long parentPidOf(String stat) {
        return Long.parseLong(fields(stat)[PPID_FIELD - FIRST_FIELD_AFTER_NAME]);
    }

    /** The fields of a {@code stat} line from field 3 on. */
    private static String[] fields(String stat) {
        // The command name, field 2, is in parentheses and may hold spaces: count from its closing one.
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
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
