package io.ticketing.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * How long the disk under the database takes to make a small write durable, timed by the bench on its own beside the
 * platform: 8 KiB written into a file the size of a write-ahead log segment and flushed with {@code fdatasync}, as
 * PostgreSQL flushes its log at a commit, fifty times a second.
 * <p>
 * A durable commit waits for such a flush, and while one flush waits, every commit waits behind it. On a virtual disk
 * a flush of a few kilobytes now and then takes a few hundred milliseconds, with nothing else running
 * (docs/benchmarks.md, thirty-sixth round): a phase's placed-to-confirmed p99 that missed with a slow sync here missed
 * on the disk, which no durable platform on it could have kept.
 */
final class DiskSyncs implements AutoCloseable {

    /** A sync this slow stalls every commit for long enough to decide a phase's p99. */
    static final Duration SLOW = Duration.ofMillis(100);

    private static final int BLOCK_BYTES = 8 * 1024;
    private static final long FILE_BYTES = 16L * 1024 * 1024;
    private static final Duration BETWEEN_SYNCS = Duration.ofMillis(20);

    /** One durable write, as the probe makes it. */
    @FunctionalInterface
    interface DurableWrite {
        void write() throws IOException;
    }

    /** @param startedNanos when it began, on {@link System#nanoTime()}'s clock */
    private record Sync(long startedNanos, long tookNanos) {

        /** Whether any of it fell from {@code fromNanos} until {@code toNanos}. */
        boolean overlaps(long fromNanos, long toNanos) {
            return toNanos - startedNanos > 0 && startedNanos + tookNanos - fromNanos >= 0;
        }
    }

    /**
     * @param syncs   how many the probe timed
     * @param slowest the slowest of them
     * @param slow    how many took {@link #SLOW} or longer
     */
    record Summary(int syncs, Duration slowest, int slow) {}

    private final List<Sync> syncs = new ArrayList<>();
    /** When the sync under way began, null between syncs; kept with {@link #syncs} under its lock, to count it once. */
    private Long syncingSince;
    /** Why the probe stopped, if it could not write: its figures are absent from then on, not a disk that looks fast. */
    private volatile IOException failure;

    private final Thread prober;
    private final AutoCloseable afterwards;

    private DiskSyncs(DurableWrite write, Duration between, AutoCloseable afterwards) {
        this.afterwards = afterwards;
        this.prober = write == null ? null : new Thread(() -> probe(write, between), "disk-syncs");
        if (prober != null) {
            prober.setDaemon(true);
            prober.start();
        }
    }

    /** Probes the disk that holds {@code server}'s data directory, which must be on this machine. */
    static DiskSyncs besideDataDirectoryOf(DataSource server) throws IOException, SQLException {
        Path dataDirectory;
        try (Connection connection = server.getConnection();
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery("SHOW data_directory")) {
            setting.next();
            dataDirectory = Path.of(setting.getString(1));
        }
        return on(dataDirectory.toAbsolutePath().getParent());
    }

    /** Probes the disk that holds {@code directory}, in a file of its own there, deleted on {@link #close()}. */
    static DiskSyncs on(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is no directory whose disk could be timed");
        }
        Path file = Files.createTempFile(directory, "disk-syncs", ".probe");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        // Written through once, as PostgreSQL fills a new segment: a sync then flushes data, not the file's growth.
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_BYTES);
        for (long at = 0; at < FILE_BYTES; at += BLOCK_BYTES) {
            channel.write(block.clear(), at);
        }
        channel.force(true);
        long[] next = {0};
        DurableWrite write = () -> {
            block.clear().putLong(0, System.nanoTime());
            channel.write(block, next[0]);
            channel.force(false);
            next[0] = (next[0] + BLOCK_BYTES) % FILE_BYTES;
        };
        return new DiskSyncs(write, BETWEEN_SYNCS, () -> {
            channel.close();
            Files.delete(file);
        });
    }

    /** Times {@code write} every {@code between}: the seam for tests, with a write that is slow when they say. */
    static DiskSyncs timing(DurableWrite write, Duration between) {
        return new DiskSyncs(write, between, () -> {});
    }

    /** Where the database is not the bench's own, and its disk may be another machine's. */
    static DiskSyncs none() {
        return new DiskSyncs(null, null, () -> {});
    }

    private void probe(DurableWrite write, Duration between) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                synchronized (syncs) {
                    syncingSince = started;
                }
                write.write();
                long ended = System.nanoTime();
                synchronized (syncs) {
                    syncs.add(new Sync(started, ended - started));
                    syncingSince = null;
                }
                Thread.sleep(between.toMillis());
            }
        } catch (InterruptedException | ClosedByInterruptException stopped) {
            // A file channel answers the interrupt of close() in the middle of a sync this way: stopped, not failed.
            Thread.currentThread().interrupt();
        } catch (IOException failed) {
            failure = failed;
            Benchmark.progress("  the disk probe could not write, and times no more syncs: %s", failed);
        }
    }

    /**
     * The syncs under way at any time from {@code fromNanos} until {@code toNanos}, on {@link System#nanoTime()}'s
     * clock: a sync that stalled a phase's commits counts in it, however far it reached before or after. One still
     * under way counts as long as it had taken until {@code toNanos}. Empty without a disk to probe, or once the
     * probe could not write.
     */
    Optional<Summary> between(long fromNanos, long toNanos) {
        if (prober == null || failure != null) {
            return Optional.empty();
        }
        List<Sync> within = new ArrayList<>();
        synchronized (syncs) {
            syncs.stream().filter(sync -> sync.overlaps(fromNanos, toNanos)).forEach(within::add);
            if (syncingSince != null && toNanos - syncingSince > 0) {
                within.add(new Sync(syncingSince, toNanos - syncingSince));
            }
        }
        long slowest = within.stream().mapToLong(Sync::tookNanos).max().orElse(0);
        int slow = (int)
                within.stream().filter(sync -> sync.tookNanos >= SLOW.toNanos()).count();
        return Optional.of(new Summary(within.size(), Duration.ofNanos(slowest), slow));
    }

    @Override
    public void close() throws Exception {
        if (prober != null) {
            prober.interrupt();
            prober.join();
        }
        afterwards.close();
    }
}
