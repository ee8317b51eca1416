package io.ticketing.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One phase of bookings: when each was first sent, how every placement was answered, how and when each booking
 * settled, and the platform's CPU time from the phase's start until its processors had caught up with what the phase
 * wrote. A booking shows settled before the saga has ended it and every projection has seen it: a phase that ended at
 * its last settlement would leave that work to the next phase's CPU and latencies. Over the same time, the
 * database server's transactions and what it wrote to its write-ahead log, and how slow its disk was to sync.
 */
final class Phase {

    /** How many events the furthest-behind of the platform's processors still has to handle. */
    @FunctionalInterface
    interface Backlog {
        long events() throws Exception;
    }

    /**
     * @param pendingLeft           accepted, but still not settled when the phase stopped waiting
     * @param acceptedPerSecond     accepted over the time from the phase's start to its last placement's answer
     * @param confirmedPerSecond    goodput: confirmed over the time from the phase's start to its last settlement
     * @param drainSeconds          from the last placement's answer until the last accepted booking settled; with
     *                              bookings left pending, until the phase stopped waiting for them, so at least that
     * @param catchUpSeconds        from the last settlement until no processor was behind the event stream
     * @param cpuMillis             the platform's CPU time over the phase; null when no process could be read
     * @param cpuMillisPerConfirmed that, per confirmed booking
     * @param compilerMillisPerConfirmed of that, what the JIT compiler's threads took
     * @param databaseMillisPerConfirmed PostgreSQL's CPU time over the phase per confirmed booking; null when the
     *                                   database is not the benchmark's own
     * @param benchMillisPerConfirmed    the benchmark's own CPU time over the phase per confirmed booking: its clients
     *                                   and the live stream it follows run on the platform's cores when both share
     *                                   a machine, and leave the platform that much less
     * @param transactionsPerConfirmed   the transactions the database server ended over the phase, per confirmed
     *                                   booking; null when the database is not the benchmark's own
     * @param walFlushesPerConfirmed     how often it flushed its write-ahead log to disk, per confirmed booking; null
     *                                   likewise
     * @param walKiBPerConfirmed         what it wrote to the log, in KiB per confirmed booking; null likewise
     * @param diskSlowestSyncMillis      the slowest of the bench's own syncs to the database's disk over the phase;
     *                                   null likewise
     * @param diskSlowSyncs              how many of them took {@link DiskSyncs#SLOW} or longer; null likewise
     * @param postP50               of every answer to {@code POST /api/bookings}, refusals included
     * @param sagaP50               from a booking's first sending until the live stream showed it confirmed
     */
    record Figures(
            int sent,
            int accepted,
            int settled,
            int pendingLeft,
            Outcomes outcomes,
            double acceptedPerSecond,
            double settledPerSecond,
            double confirmedPerSecond,
            double settledToAccepted,
            double drainSeconds,
            double catchUpSeconds,
            Double cpuMillis,
            Double cpuMillisPerConfirmed,
            Double compilerMillisPerConfirmed,
            Double databaseMillisPerConfirmed,
            Double benchMillisPerConfirmed,
            Double transactionsPerConfirmed,
            Double walFlushesPerConfirmed,
            Double walKiBPerConfirmed,
            Double diskSlowestSyncMillis,
            Integer diskSlowSyncs,
            double postP50,
            double postP95,
            double postP99,
            double sagaP50,
            double sagaP95,
            double sagaP99) {}

    /**
     * How the phase's bookings ended. {@code rejectedByPlatform} is what the platform itself turned away, as
     * opposed to declined cards and sold-out seats: payments that timed out, and placements refused with 503.
     *
     * @param refused503  answers 503 (admission control): nothing was placed; a booking sent again counts again
     * @param otherErrors answers other than 202 and 503, and placements not answered within the request timeout
     */
    record Outcomes(
            int confirmed,
            int declined,
            int soldOut,
            int timedOut,
            int refused503,
            int otherErrors,
            int rejectedByPlatform) {}

    private static final Duration SETTLE_WAIT = Duration.ofMinutes(3);

    private final int planned;
    private final ProcessCpu cpu;
    private final ProcessCpu database;
    private final ProcessCpu bench = ProcessCpu.of(ProcessHandle.current().pid());
    private final DatabaseActivity databaseActivity;
    private final DiskSyncs disk;
    private final Backlog backlog;
    private final Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<UUID, Outcome> settled = new ConcurrentHashMap<>();
    private final Latencies posts = new Latencies();
    private final Latencies sagas = new Latencies();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger otherErrors = new AtomicInteger();
    private final AtomicLong lastAnswered = new AtomicLong();
    private final AtomicLong lastSettled = new AtomicLong();
    private long started;
    private long stoppedWaiting;
    private long caughtUp;
    private Optional<ProcessCpu.Reading> cpuAtStart;
    private Optional<ProcessCpu.Reading> cpuAtEnd;
    private Optional<ProcessCpu.Reading> databaseAtStart;
    private Optional<ProcessCpu.Reading> databaseAtEnd;
    private Optional<ProcessCpu.Reading> benchAtStart;
    private Optional<ProcessCpu.Reading> benchAtEnd;
    private Optional<DatabaseActivity.Reading> activityAtStart;
    private Optional<DatabaseActivity.Reading> activityAtEnd;

    /**
     * @param planned  how many bookings the phase sends, for its progress lines
     * @param cpu      the platform's processes
     * @param database the database server's processes
     * @param databaseActivity what the database server counts it has done
     * @param disk     how slow the database's disk is to sync, timed beside the platform
     */
    Phase(
            int planned,
            ProcessCpu cpu,
            ProcessCpu database,
            DatabaseActivity databaseActivity,
            DiskSyncs disk,
            Backlog backlog) {
        this.planned = planned;
        this.cpu = cpu;
        this.database = database;
        this.databaseActivity = databaseActivity;
        this.disk = disk;
        this.backlog = backlog;
    }

    void start() throws Exception {
        cpuAtStart = cpu.read();
        databaseAtStart = database.read();
        benchAtStart = bench.read();
        activityAtStart = databaseActivity.read();
        started = System.nanoTime();
        lastAnswered.set(started);
        lastSettled.set(started);
    }

    /** Before a booking's first {@code POST}: its saga is timed from here, through any refusals. */
    void sending(UUID bookingId) {
        sentAt.putIfAbsent(bookingId, System.nanoTime());
    }

    /** @param sentNanos when this placement's {@code POST} was sent, for its latency */
    void answered(int status, long sentNanos) {
        long now = System.nanoTime();
        posts.record(now - sentNanos);
        lastAnswered.accumulateAndGet(now, Math::max);
        switch (status) {
            case 202 -> accepted.incrementAndGet();
            case 503 -> refused.incrementAndGet();
            default -> otherErrors.incrementAndGet();
        }
    }

    /** Other phases' bookings, and a booking's changes after it settled, are not this phase's to count. */
    void settled(UUID bookingId, Outcome outcome) {
        Long sent = sentAt.get(bookingId);
        if (sent != null && settled.putIfAbsent(bookingId, outcome) == null) {
            long now = System.nanoTime();
            if (outcome == Outcome.CONFIRMED) {
                sagas.record(now - sent);
            }
            lastSettled.accumulateAndGet(now, Math::max);
        }
    }

    /**
     * Waits up to three minutes for every accepted booking to settle, then for the processors to catch up, with a
     * progress line a second. It looks more often than it prints, so that the platform's idle CPU after the last
     * settlement hardly counts. The database's counts are read last, once its processes have reported them (11 s).
     */
    void awaitSettled() throws Exception {
        long waitUntil = System.nanoTime() + SETTLE_WAIT.toNanos();
        for (int tick = 1; settled.size() < accepted.get() && System.nanoTime() < waitUntil; tick++) {
            Thread.sleep(100);
            if (tick % 10 == 0) {
                printProgress();
            }
        }
        stoppedWaiting = System.nanoTime();
        long behind;
        for (int tick = 1; (behind = backlog.events()) > 0 && System.nanoTime() < waitUntil; tick++) {
            Thread.sleep(100);
            if (tick % 10 == 0) {
                Benchmark.progress("  settled; the slowest processor is %d events behind", behind);
            }
        }
        caughtUp = System.nanoTime();
        cpuAtEnd = cpu.read();
        databaseAtEnd = database.read();
        benchAtEnd = bench.read();
        activityAtEnd = databaseActivity.readOnceReported();
    }

    void printProgress() {
        Benchmark.progress(
                "  placed %d/%d, settled %d, refused503 %d", sentAt.size(), planned, settled.size(), refused.get());
    }

    Figures figures() {
        Map<Outcome, Integer> ended = new EnumMap<>(Outcome.class);
        settled.values().forEach(outcome -> ended.merge(outcome, 1, Integer::sum));
        int confirmed = ended.getOrDefault(Outcome.CONFIRMED, 0);
        int timedOut = ended.getOrDefault(Outcome.TIMED_OUT, 0);
        int pendingLeft = Math.max(0, accepted.get() - settled.size());
        double untilLastSettled = seconds(started, lastSettled.get());
        Optional<ProcessCpu.Reading> cpuUsed = ProcessCpu.Reading.between(cpuAtStart, cpuAtEnd);
        Optional<DatabaseActivity.Reading> databaseDid =
                DatabaseActivity.Reading.between(activityAtStart, activityAtEnd);
        Optional<DiskSyncs.Summary> diskSyncs = disk.between(started, caughtUp);
        return new Figures(
                sentAt.size(),
                accepted.get(),
                settled.size(),
                pendingLeft,
                new Outcomes(
                        confirmed,
                        ended.getOrDefault(Outcome.DECLINED, 0),
                        ended.getOrDefault(Outcome.SOLD_OUT, 0),
                        timedOut,
                        refused.get(),
                        otherErrors.get(),
                        timedOut + refused.get()),
                perSecond(accepted.get(), seconds(started, lastAnswered.get())),
                perSecond(settled.size(), untilLastSettled),
                perSecond(confirmed, untilLastSettled),
                settled.size() / (double) accepted.get(),
                Math.max(0, seconds(lastAnswered.get(), pendingLeft == 0 ? lastSettled.get() : stoppedWaiting)),
                Math.max(0, seconds(lastSettled.get(), caughtUp)),
                cpuUsed.map(ProcessCpu.Reading::millis).orElse(null),
                cpuUsed.map(used -> used.millis() / confirmed).orElse(null),
                cpuUsed.map(used -> used.compilerMillis() / confirmed).orElse(null),
                perConfirmed(databaseAtStart, databaseAtEnd, confirmed),
                perConfirmed(benchAtStart, benchAtEnd, confirmed),
                databaseDid.map(did -> did.transactions() / (double) confirmed).orElse(null),
                databaseDid.map(did -> did.walFlushes() / (double) confirmed).orElse(null),
                databaseDid.map(did -> did.walBytes() / 1024.0 / confirmed).orElse(null),
                diskSyncs.map(syncs -> syncs.slowest().toNanos() / 1e6).orElse(null),
                diskSyncs.map(DiskSyncs.Summary::slow).orElse(null),
                posts.percentileMillis(50),
                posts.percentileMillis(95),
                posts.percentileMillis(99),
                sagas.percentileMillis(50),
                sagas.percentileMillis(95),
                sagas.percentileMillis(99));
    }

    private static Double perConfirmed(
            Optional<ProcessCpu.Reading> start, Optional<ProcessCpu.Reading> end, int confirmed) {
        return ProcessCpu.Reading.between(start, end)
                .map(used -> used.millis() / confirmed)
                .orElse(null);
    }

    /** None in no time is none a second, not a division by zero. */
    private static double perSecond(int count, double seconds) {
        return count == 0 ? 0 : count / seconds;
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
