package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSyncsTest {

    @Test
    void aSlowSyncCountsInEveryWindowItReachesIntoAndInNoOther() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        AtomicLong slowOneBegan = new AtomicLong();
        CountDownLatch slowOneDone = new CountDownLatch(1);
        try (DiskSyncs syncs = DiskSyncs.timing(
                () -> {
                    if (writes.incrementAndGet() == 5) {
                        slowOneBegan.set(System.nanoTime());
                        sleep(Duration.ofMillis(150));
                        slowOneDone.countDown();
                    }
                },
                Duration.ofMillis(5))) {
            long started = System.nanoTime();
            assertThat(slowOneDone.await(10, TimeUnit.SECONDS)).isTrue();
            sleep(Duration.ofMillis(50));
            long began = slowOneBegan.get();
            long now = System.nanoTime();

            DiskSyncs.Summary whole = syncs.between(started, now).orElseThrow();
            assertThat(whole.slowest()).isBetween(Duration.ofMillis(150), Duration.ofMillis(1_000));
            assertThat(whole.slow()).isEqualTo(1);
            assertThat(whole.syncs()).isGreaterThanOrEqualTo(5);

            long midway = began + Duration.ofMillis(75).toNanos();
            assertThat(syncs.between(started, midway).orElseThrow().slow()).isEqualTo(1);
            assertThat(syncs.between(midway, now).orElseThrow().slow()).isEqualTo(1);

            // The probe notes a sync's start a moment before the write itself is called.
            DiskSyncs.Summary before = syncs.between(
                            started, began - Duration.ofMillis(1).toNanos())
                    .orElseThrow();
            assertThat(before.slow()).isZero();
            assertThat(before.slowest()).isLessThan(DiskSyncs.SLOW);
        }
    }

    @Test
    void aSyncStillUnderWayWhenTheWindowEndsCountsAsLongAsItHasTaken() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch disk = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        try (DiskSyncs syncs = DiskSyncs.timing(
                () -> {
                    if (writes.incrementAndGet() == 3) {
                        stuck.countDown();
                        await(disk);
                    }
                },
                Duration.ofMillis(5))) {
            long started = System.nanoTime();
            assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();
            sleep(Duration.ofMillis(150));

            DiskSyncs.Summary soFar = syncs.between(started, System.nanoTime()).orElseThrow();
            disk.countDown();

            assertThat(soFar.slowest()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(soFar.slow()).isEqualTo(1);
        }
    }

    @Test
    void aProbeThatCouldNotWriteHasNoFiguresRatherThanAFastDisk() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        try (DiskSyncs syncs = DiskSyncs.timing(
                () -> {
                    failed.countDown();
                    throw new IOException("No space left on device");
                },
                Duration.ofMillis(5))) {
            long started = System.nanoTime();
            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
            sleep(Duration.ofMillis(50));

            assertThat(syncs.between(started, System.nanoTime())).isEmpty();
        }
    }

    @Test
    void aProbeStoppedInTheMiddleOfASyncHasNotFailed() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        DiskSyncs syncs = DiskSyncs.timing(
                () -> {
                    writing.countDown();
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException stopped) {
                        // What FileChannel.force does when its thread is interrupted.
                        throw new ClosedByInterruptException();
                    }
                },
                Duration.ofMillis(5));
        long started = System.nanoTime();
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

        syncs.close();

        assertThat(syncs.between(started, System.nanoTime())).isPresent();
    }

    @Test
    void itProbesTheDiskOfTheServersDataDirectoryAndLeavesNoFileBehind() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Path dataDirectory = dataDirectoryOf(postgres);
            try (DiskSyncs syncs = DiskSyncs.besideDataDirectoryOf(postgres.getPostgresDatabase())) {
                long started = System.nanoTime();
                sleep(Duration.ofMillis(300));
                assertThat(syncs.between(started, System.nanoTime())
                                .orElseThrow()
                                .syncs())
                        .isGreaterThan(3);
                assertThat(probeFile().getParent()).isEqualTo(dataDirectory.getParent());
            }
            try (Stream<Path> left = Files.list(dataDirectory.getParent())) {
                assertThat(left.filter(DiskSyncsTest::isProbe)).isEmpty();
            }
        }
    }

    @Test
    void refusesADirectoryThatIsNotThere(@TempDir Path parent) {
        Path missing = parent.resolve("postgres");

        assertThatThrownBy(() -> DiskSyncs.on(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void withNoDiskOfItsOwnItSaysNothing() throws Exception {
        try (DiskSyncs syncs = DiskSyncs.none()) {
            assertThat(syncs.between(0, System.nanoTime())).isEmpty();
        }
    }

    private static Path dataDirectoryOf(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery("SHOW data_directory")) {
            setting.next();
            return Path.of(setting.getString(1)).toRealPath();
        }
    }

    /** The probe's file, found among this JVM's open files. */
    private static Path probeFile() throws Exception {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors
                    .map(DiskSyncsTest::target)
                    .filter(DiskSyncsTest::isProbe)
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static Path target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor);
        } catch (Exception gone) {
            return descriptor;
        }
    }

    private static boolean isProbe(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("disk-syncs") && name.endsWith(".probe");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
