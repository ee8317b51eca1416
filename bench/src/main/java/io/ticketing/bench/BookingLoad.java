package io.ticketing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The booking scenarios, one phase after the other. Every {@code POST /api/bookings} is timed, and every booking from
 * the moment it was first sent until the dashboards' live stream shows it settled, and how it ended is counted.
 * <ul>
 *   <li>A <em>warm-up</em> first, whatever the scenarios: bookings at {@code warmUpRate} a second, with figures of
 *   their own, in rounds until the JIT compiler takes less than {@code warmUpUntilJitBelow} of the platform's CPU, or
 *   {@code warmUpBookings} are placed; then {@code warmUpBurstBookings} placed flat out, and paced rounds again
 *   until the compiler is nearly done with what the burst made hot. A platform just started spends most of its CPU
 *   compiling for minutes (per-thread CPU from {@code /proc}, docs/benchmarks.md), and the compiler's thresholds are
 *   counts of calls: code that a burst calls thousands of times a second a paced warm-up leaves to the first burst
 *   to compile. The phases after it measure what a booking costs a platform that has been running, as on a sale's
 *   day. Zero warm-up bookings measure a cold platform.</li>
 *   <li>Scenarios 1 and 2, over four shows with enough seats, every tenth card declined. <em>Flat out</em>:
 *   {@code bookings} placed by {@code clients} concurrent clients, each sending the next as soon as the last is
 *   answered, for the most the platform accepts (the saga falls behind, so its latency there is a backlog's).
 *   <em>Paced</em>: {@code pacedBookings} sent at {@code pacedRate} a second whatever the answers, for the latency
 *   of a saga that keeps up.</li>
 *   <li><em>Burst</em>, a sale opening: {@code burstBookings} sent flat out by {@code burstClients} clients over
 *   four shows with seats for all, every tenth card declined. A 503 is counted and not sent again: what the platform
 *   refuses, and how long it takes to drain what it accepted.</li>
 *   <li><em>Hot show</em>: {@code hotBookings} one-ticket bookings for the {@code hotCapacity} seats of one show,
 *   from {@value #HOT_CLIENTS} clients, every card good. A 503 is sent again after its {@code Retry-After}, as a box
 *   office would, so every booking is placed in the end, and exactly the capacity must be confirmed.</li>
 * </ul>
 */
final class BookingLoad {

    /**
     * @param warmUpBookings        the most the warm-up places
     * @param warmUpUntilJitBelow   the warm-up's paced rounds end after one in which the JIT compiler took less
     *                              than this fraction of the platform's CPU
     * @param warmUpBurstBookings   what the warm-up then places flat out, by {@code clients} clients, before
     *                              paced rounds again
     * @param warmUpRate            bookings a second in the warm-up's paced rounds
     */
    record Size(
            int warmUpBookings,
            double warmUpUntilJitBelow,
            int warmUpBurstBookings,
            double warmUpRate,
            int bookings,
            int clients,
            double pacedRate,
            int pacedBookings,
            int burstBookings,
            int burstClients,
            int hotCapacity,
            int hotBookings,
            Capacity capacity) {}

    /**
     * The capacity scenario: a paced step at each of {@code rates}, lowest first, {@code secondsEach} long.
     *
     * @param p99Millis the bound on placed→confirmed at the 99th percentile that a step must stay under
     */
    record Capacity(List<Integer> rates, int secondsEach, double p99Millis) {

        /** A step whose bookings went out more slowly than this share of its rate was not paced at that rate. */
        private static final double LEAST_SHARE_SENT = 0.95;

        Capacity {
            if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate < 1) || secondsEach < 1 || p99Millis <= 0) {
                throw new IllegalArgumentException("The capacity scenario needs rates of at least 1 a second, steps of "
                        + "at least a second and a positive bound, not " + rates + ", " + secondsEach + " s and "
                        + p99Millis + " ms");
            }
            rates = rates.stream().sorted().distinct().toList();
        }

        static String stepName(int rate) {
            return CAPACITY_STEP + rate;
        }

        int bookingsAt(int rate) {
            return rate * secondsEach;
        }

        /**
         * The highest rate up to which every step was kept up with, or 0 when the lowest was not: a step above a
         * missed one that happens to pass says more about the moment than about the platform.
         */
        int sustainedRate(Map<String, Phase.Figures> phases) {
            int sustained = 0;
            for (int rate : rates) {
                Phase.Figures step = phases.get(stepName(rate));
                if (step == null || !keptUpWith(rate, step)) {
                    break;
                }
                sustained = rate;
            }
            return sustained;
        }

        /** Every booking placed and settled, none refused or timed out, sent at the rate, the p99 under the bound. */
        boolean keptUpWith(int rate, Phase.Figures step) {
            Phase.Outcomes outcomes = step.outcomes();
            return step.pendingLeft() == 0
                    && outcomes.rejectedByPlatform() == 0
                    && outcomes.otherErrors() == 0
                    && step.acceptedPerSecond() >= LEAST_SHARE_SENT * rate
                    && step.sagaP99() < p99Millis;
        }
    }

    /**
     * @param phases        by name ({@link #WARM_UP}, {@link #WARM_UP_BURST}, {@link #FLAT_OUT}, {@link #PACED},
     *                      {@link #BURST}, {@link #HOT_SHOW}, the capacity steps' {@link Capacity#stepName}), those
     *                      that ran
     * @param failures      what no figure may hide: a hot show that did not confirm exactly its capacity
     * @param sustainedRate the capacity scenario's verdict ({@link Capacity#sustainedRate}); null when it did not run
     */
    record Figures(Map<String, Phase.Figures> phases, List<String> failures, Integer sustainedRate) {}

    static final String WARM_UP = "warmUp";
    static final String WARM_UP_BURST = "warmUpBurst";
    static final String FLAT_OUT = "flatOut";
    static final String PACED = "paced";
    static final String BURST = "burst";
    static final String HOT_SHOW = "hotShow";
    /** A capacity step's phase name, before its rate. */
    static final String CAPACITY_STEP = "capacity";

    private static final int SHOWS = 4;
    private static final int USERS = 8;
    private static final int HOT_CLIENTS = 16;
    private static final String TICKET_PRICE = "10.00";
    private static final int WARM_UP_ROUND_SECONDS = 30;

    /**
     * What a phase's bookings are like: the shows they go to in turn, whether every tenth card is declined, and
     * whether a 503 is sent again after its {@code Retry-After} or counted and dropped, as by a customer who gives up.
     */
    private record Mix(List<UUID> shows, boolean everyTenthDeclined, boolean retryRefused) {}

    /** Places a phase's bookings, and returns once every one has been answered. */
    @FunctionalInterface
    private interface Placing {
        void place(Phase phase) throws Exception;
    }

    private final PlatformClient api;
    private final Size size;
    private final Set<Scenario> scenarios;
    private final ProcessCpu cpu;
    private final ProcessCpu database;
    private final DatabaseActivity databaseActivity;
    private final DiskSyncs disk;
    private final List<String> users = new ArrayList<>();
    /** The phase under way, which the live stream's settlements go to; null between phases. */
    private volatile Phase current;
    /** The platform's processors' backlog, asked with the admin's token once the run has one. */
    private Phase.Backlog backlog;

    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * @param cpu      the platform's processes, whose CPU time each phase costs
     * @param database the database server's, whose CPU time each phase costs too
     * @param databaseActivity what the database server counts it has done, each phase's share of it too
     * @param disk     how slow the database's disk is to sync, each phase's slowest
     */
    BookingLoad(
            PlatformClient api,
            Size size,
            Set<Scenario> scenarios,
            ProcessCpu cpu,
            ProcessCpu database,
            DatabaseActivity databaseActivity,
            DiskSyncs disk) {
        this.api = api;
        this.size = size;
        this.scenarios = scenarios;
        this.cpu = cpu;
        this.database = database;
        this.databaseActivity = databaseActivity;
        this.disk = disk;
    }

    Figures run() throws Exception {
        String admin = api.adminToken();
        backlog = () -> slowestProcessorBacklog(admin);
        // Seats of their own, so that no phase's show loses any to the warm-up.
        UUID warmUpShow = api.newShow(admin, USERS, TICKET_PRICE);
        for (int i = 0; i < USERS; i++) {
            users.add(knownUser(warmUpShow));
        }
        Thread follower = follow(admin);
        Map<String, Phase.Figures> phases = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        if (size.warmUpBookings() > 0) {
            Mix warmUp = new Mix(newShows(admin, size.warmUpBookings()), true, false);
            Benchmark.progress(
                    "  warm-up: up to %d bookings at %.0f a second, until the JIT compiler takes less than %.0f %% of "
                            + "the CPU",
                    size.warmUpBookings(), size.warmUpRate(), size.warmUpUntilJitBelow() * 100);
            phases.put(WARM_UP, measure(size.warmUpBookings(), phase -> warmUp(phase, warmUp)));
            if (size.warmUpBurstBookings() > 0) {
                int most = size.warmUpBurstBookings() + size.warmUpBookings();
                Mix burst = new Mix(newShows(admin, most), true, false);
                Benchmark.progress(
                        "  warm-up burst: %d bookings from %d clients, then paced rounds until the JIT compiler is "
                                + "done with what they made hot",
                        size.warmUpBurstBookings(), size.clients());
                phases.put(WARM_UP_BURST, measure(most, phase -> {
                    placeFlatOut(phase, size.warmUpBurstBookings(), size.clients(), burst);
                    warmUp(phase, burst);
                }));
            }
        }
        if (scenarios.contains(Scenario.BOOKINGS)) {
            Mix spread = new Mix(newShows(admin, size.bookings() + size.pacedBookings()), true, false);
            Benchmark.progress("  flat out: %d bookings from %d clients", size.bookings(), size.clients());
            phases.put(
                    FLAT_OUT,
                    measure(size.bookings(), phase -> placeFlatOut(phase, size.bookings(), size.clients(), spread)));
            Benchmark.progress("  paced: %d bookings at %.0f a second", size.pacedBookings(), size.pacedRate());
            phases.put(
                    PACED,
                    measure(
                            size.pacedBookings(),
                            phase -> placePaced(phase, size.pacedBookings(), size.pacedRate(), spread)));
        }
        if (scenarios.contains(Scenario.BURST) && size.burstBookings() > 0) {
            Mix burst = new Mix(newShows(admin, size.burstBookings()), true, false);
            Benchmark.progress(
                    "  burst: %d bookings from %d clients, refusals not sent again",
                    size.burstBookings(), size.burstClients());
            phases.put(
                    BURST,
                    measure(
                            size.burstBookings(),
                            phase -> placeFlatOut(phase, size.burstBookings(), size.burstClients(), burst)));
        }
        if (scenarios.contains(Scenario.HOT)) {
            Mix hot = new Mix(List.of(api.newShow(admin, size.hotCapacity(), TICKET_PRICE)), false, true);
            Benchmark.progress(
                    "  hot show: %d bookings from %d clients for %d seats, refusals sent again",
                    size.hotBookings(), HOT_CLIENTS, size.hotCapacity());
            Phase.Figures figures =
                    measure(size.hotBookings(), phase -> placeFlatOut(phase, size.hotBookings(), HOT_CLIENTS, hot));
            phases.put(HOT_SHOW, figures);
            // One ticket a booking: confirmed bookings are confirmed tickets.
            if (figures.outcomes().confirmed() != size.hotCapacity()) {
                failures.add(String.format(
                        "the hot show confirmed %d tickets for its %d seats (%d rejected for " + "seats, %d pending)",
                        figures.outcomes().confirmed(),
                        size.hotCapacity(),
                        figures.outcomes().soldOut(),
                        figures.pendingLeft()));
                Benchmark.progress("  FAILED: %s", failures.get(failures.size() - 1));
            }
        }
        Integer sustainedRate = null;
        if (scenarios.contains(Scenario.CAPACITY)) {
            Capacity capacity = size.capacity();
            for (int rate : capacity.rates()) {
                int bookings = capacity.bookingsAt(rate);
                Mix steady = new Mix(newShows(admin, bookings), true, false);
                Benchmark.progress(
                        "  capacity: %d bookings at %d a second, kept up with if their p99 stays under %.0f ms",
                        bookings, rate, capacity.p99Millis());
                Phase.Figures step = measure(bookings, phase -> placePaced(phase, bookings, rate, steady));
                phases.put(Capacity.stepName(rate), step);
                Benchmark.progress(
                        "  %s: placed→confirmed p99 %.0f ms",
                        capacity.keptUpWith(rate, step) ? "kept up with" : "NOT kept up with", step.sagaP99());
            }
            sustainedRate = capacity.sustainedRate(phases);
            Benchmark.progress("  capacity: %d bookings a second sustained", sustainedRate);
        }
        follower.interrupt();
        return new Figures(phases, failures, sustainedRate);
    }

    /** One phase: its bookings placed, then up to three minutes for them to settle, and what came of them. */
    private Phase.Figures measure(int planned, Placing placing) throws Exception {
        Phase phase = new Phase(planned, cpu, database, databaseActivity, disk, backlog);
        current = phase;
        phase.start();
        placing.place(phase);
        phase.awaitSettled();
        current = null;
        Phase.Figures figures = phase.figures();
        Benchmark.progress(
                "  %d accepted, %d refused (503), %.1f confirmed/s; the last settled %.1f s after the "
                        + "last placement was answered, %d left pending; the processors caught up %.1f s later",
                figures.accepted(),
                figures.outcomes().refused503(),
                figures.confirmedPerSecond(),
                figures.drainSeconds(),
                figures.pendingLeft(),
                figures.catchUpSeconds());
        if (figures.cpuMillisPerConfirmed() != null) {
            Benchmark.progress(
                    "  %.1f ms of CPU per confirmed booking, %.1f of them the JIT compiler's",
                    figures.cpuMillisPerConfirmed(), figures.compilerMillisPerConfirmed());
        }
        if (figures.databaseMillisPerConfirmed() != null) {
            Benchmark.progress(
                    "  PostgreSQL: %.1f ms of CPU per confirmed booking", figures.databaseMillisPerConfirmed());
        }
        if (figures.transactionsPerConfirmed() != null) {
            Benchmark.progress(
                    "  PostgreSQL: %.1f transactions, %.2f write-ahead log flushes to disk and %.1f KiB of it per "
                            + "confirmed booking",
                    figures.transactionsPerConfirmed(), figures.walFlushesPerConfirmed(), figures.walKiBPerConfirmed());
        }
        if (figures.diskSlowestSyncMillis() != null) {
            Benchmark.progress(
                    "  the disk alone: its slowest sync took %.0f ms, %d took %d ms or longer",
                    figures.diskSlowestSyncMillis(), figures.diskSlowSyncs(), DiskSyncs.SLOW.toMillis());
        }
        if (figures.benchMillisPerConfirmed() != null) {
            Benchmark.progress(
                    "  the bench itself, on the same cores: %.1f ms of CPU per confirmed booking",
                    figures.benchMillisPerConfirmed());
        }
        return figures;
    }

    /**
     * The largest lag, in events, of the processors that booking-query reports: its own projections and the booking
     * saga, the slowest step of a booking.
     */
    private long slowestProcessorBacklog(String admin) {
        long behind = 0;
        for (JsonNode processor : api.call("booking-query", "GET", "/api/admin/projections", admin, null, 200)) {
            behind = Math.max(behind, processor.path("lag").asLong());
        }
        return behind;
    }

    /** Each client sends the next booking as soon as the last is answered. */
    private void placeFlatOut(Phase phase, int bookings, int clients, Mix mix) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            running.add(pool.submit(() -> {
                while (next.getAndIncrement() < bookings) {
                    place(phase, mix);
                }
                return null;
            }));
        }
        awaitAnswers(phase, running);
        pool.shutdown();
    }

    /**
     * Paced rounds of {@value #WARM_UP_ROUND_SECONDS} seconds until the JIT compiler is nearly done. A platform just
     * started spends most of its CPU compiling for minutes (how many depends on the machine), and a phase measured
     * then says more about the compiler than about bookings.
     */
    private void warmUp(Phase phase, Mix mix) throws Exception {
        int roundBookings = (int) Math.ceil(size.warmUpRate() * WARM_UP_ROUND_SECONDS);
        int placed = 0;
        Optional<ProcessCpu.Reading> roundStart = cpu.read();
        while (placed < size.warmUpBookings()) {
            int round = Math.min(roundBookings, size.warmUpBookings() - placed);
            placePaced(phase, round, size.warmUpRate(), mix);
            placed += round;
            Optional<ProcessCpu.Reading> roundEnd = cpu.read();
            Optional<Double> jitShare =
                    ProcessCpu.Reading.between(roundStart, roundEnd).map(ProcessCpu.Reading::compilerShare);
            if (jitShare.isPresent()) {
                Benchmark.progress(
                        "  warm-up: %d placed; the JIT compiler took %.0f %% of the last round's CPU",
                        placed, jitShare.get() * 100);
                if (jitShare.get() < size.warmUpUntilJitBelow()) {
                    return;
                }
            }
            roundStart = roundEnd;
        }
    }

    /** Bookings sent at a fixed rate a second, whatever the answers. */
    private void placePaced(Phase phase, int bookings, double rate, Mix mix) throws Exception {
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(size.clients());
        long periodNanos = (long) (1e9 / rate);
        List<Future<?>> scheduled = new ArrayList<>();
        for (int n = 0; n < bookings; n++) {
            scheduled.add(pacer.schedule(
                    () -> {
                        place(phase, mix);
                        return null;
                    },
                    n * periodNanos,
                    TimeUnit.NANOSECONDS));
        }
        awaitAnswers(phase, scheduled);
        pacer.shutdown();
    }

    /** A progress line a second until every placement is answered; then a client's failure is the run's. */
    private static void awaitAnswers(Phase phase, List<Future<?>> placements) throws Exception {
        while (placements.stream().anyMatch(placement -> !placement.isDone())) {
            Thread.sleep(1000);
            phase.printProgress();
        }
        for (Future<?> placement : placements) {
            placement.get();
        }
    }

    private void place(Phase phase, Mix mix) throws Exception {
        int n = sequence.getAndIncrement();
        UUID bookingId = UUID.randomUUID();
        String user = users.get(n % USERS);
        UUID show = mix.shows().get(n % mix.shows().size());
        String card = mix.everyTenthDeclined() && n % 10 == 9 ? "tok_declined" : "tok_visa";
        phase.sending(bookingId);
        while (true) {
            long sent = System.nanoTime();
            PlatformClient.Placement answer = api.place(user, bookingId, show, 1, card);
            phase.answered(answer.status(), sent);
            if (answer.status() != 503 || !mix.retryRefused()) {
                return;
            }
            // Nothing was placed: the same booking goes again once the platform expects to have caught up.
            Thread.sleep(answer.retryAfter().toMillis());
        }
    }

    /** Shows enough for every booking of a phase, each with seats for all of them, so that none sells out. */
    private List<UUID> newShows(String admin, int seatsEach) throws Exception {
        List<UUID> shows = new ArrayList<>();
        for (int i = 0; i < SHOWS; i++) {
            shows.add(api.newShow(admin, seatsEach, TICKET_PRICE));
        }
        return shows;
    }

    /** The dashboards' live stream, followed until the run is over; settlements go to the phase under way. */
    private Thread follow(String admin) throws InterruptedException {
        Thread follower = new Thread(
                () -> {
                    try {
                        api.follow(
                                admin,
                                change -> Outcome.of(
                                                change.path("status").asText(),
                                                change.path("reason").asText())
                                        .ifPresent(outcome -> {
                                            Phase phase = current;
                                            if (phase != null) {
                                                phase.settled(
                                                        UUID.fromString(change.path("bookingId")
                                                                .asText()),
                                                        outcome);
                                            }
                                        }));
                    } catch (Exception stopped) {
                        // The run is over.
                    }
                },
                "bench-live-stream");
        follower.setDaemon(true);
        follower.start();
        // Subscribed before the first booking, so that no settlement is missed.
        Thread.sleep(500);
        return follower;
    }

    /**
     * A new user, once the booking service knows them: a first booking is sent again until it is accepted. It is
     * refused with 503 and {@code Retry-After} by a booking service that has not heard of the user within a few
     * seconds, or by a platform still catching up with what an earlier start left unhandled.
     */
    private String knownUser(UUID show) throws Exception {
        String token = api.newUser().token();
        UUID warmUp = UUID.randomUUID();
        for (int attempt = 0; attempt < 100; attempt++) {
            PlatformClient.Placement answer = api.place(token, warmUp, show, 1, "tok_visa");
            if (answer.status() == 202) {
                break;
            }
            Thread.sleep(answer.status() == 503 ? answer.retryAfter().toMillis() : 50);
        }
        return token;
    }
}
