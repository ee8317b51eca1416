package io.ticketing.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenarios 1 and 2, in two phases, across several shows with enough seats, every tenth booking with a card that
 * is declined. Flat out: {@code bookings} bookings placed by {@code clients} concurrent clients, each sending the
 * next as soon as the last is answered, for the most the platform accepts (the saga falls behind, so its latency
 * there is a backlog's). Paced: {@code pacedBookings} sent at {@code pacedRate} a second whatever the answers, for
 * the latency of a saga that keeps up. Each {@code POST /api/bookings} is timed, and each booking from the moment
 * it was sent until the dashboards' live stream shows it settled.
 */
final class BookingLoad {

    record Size(int bookings, int clients, double pacedRate, int pacedBookings) {
    }

    record Figures(Phase.Figures flatOut, Phase.Figures paced) {
    }

    /** One phase's bookings: when each was sent, and how long its placement and its saga took. */
    static final class Phase {

        record Figures(int sent, int accepted, int settled, double acceptedPerSecond, double settledPerSecond,
                       double postP50, double postP95, double postP99, double sagaP50, double sagaP95,
                       double sagaP99) {
        }

        private final Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        private final Latencies posts = new Latencies();
        private final Latencies sagas = new Latencies();
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger settled = new AtomicInteger();
        private final AtomicLong lastSettled = new AtomicLong();
        private long started;
        private long lastSent;

        void settled(UUID bookingId, boolean confirmed) {
            Long sent = sentAt.get(bookingId);
            if (sent != null) {
                if (confirmed) {
                    sagas.record(System.nanoTime() - sent);
                }
                settled.incrementAndGet();
                lastSettled.set(System.nanoTime());
            }
        }

        Figures figures() {
            return new Figures(sentAt.size(), accepted.get(), settled.get(),
                    accepted.get() / ((lastSent - started) / 1e9), settled.get() / ((lastSettled.get() - started) / 1e9),
                    posts.percentileMillis(50), posts.percentileMillis(95), posts.percentileMillis(99),
                    sagas.percentileMillis(50), sagas.percentileMillis(95), sagas.percentileMillis(99));
        }
    }

    private static final int SHOWS = 4;
    private static final int USERS = 8;

    private final BookingApi api;
    private final int bookings;
    private final int clients;
    private final double pacedRate;
    private final int pacedBookings;
    private final List<UUID> shows = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    BookingLoad(BookingApi api, Size size) {
        this.api = api;
        this.bookings = size.bookings();
        this.clients = size.clients();
        this.pacedRate = size.pacedRate();
        this.pacedBookings = size.pacedBookings();
    }

    Figures run() throws Exception {
        String admin = api.adminToken();
        for (int i = 0; i < SHOWS; i++) {
            shows.add(api.newShow(admin, bookings + pacedBookings));
        }
        for (int i = 0; i < USERS; i++) {
            users.add(knownUser(shows.get(0)));
        }
        Phase flatOut = new Phase();
        Phase paced = new Phase();
        Thread follower = new Thread(() -> {
            try {
                api.follow(admin, change -> {
                    String status = change.path("status").asText();
                    if (status.equals("CONFIRMED") || status.equals("REJECTED")) {
                        UUID bookingId = UUID.fromString(change.path("bookingId").asText());
                        flatOut.settled(bookingId, status.equals("CONFIRMED"));
                        paced.settled(bookingId, status.equals("CONFIRMED"));
                    }
                });
            } catch (Exception stopped) {
                // The run is over.
            }
        }, "bench-live-stream");
        follower.setDaemon(true);
        follower.start();
        Thread.sleep(500);

        Benchmark.progress("  flat out: %d bookings from %d clients", bookings, clients);
        placeFlatOut(flatOut);
        awaitSettled(flatOut);
        Benchmark.progress("  paced: %d bookings at %.0f a second", pacedBookings, pacedRate);
        placePaced(paced);
        awaitSettled(paced);
        follower.interrupt();
        return new Figures(flatOut.figures(), paced.figures());
    }

    private void placeFlatOut(Phase phase) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        phase.started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            running.add(pool.submit(() -> {
                while (next.getAndIncrement() < bookings) {
                    place(phase);
                }
                return null;
            }));
        }
        while (running.stream().anyMatch(future -> !future.isDone())) {
            Thread.sleep(1000);
            Benchmark.progress("  placed %d/%d, settled %d", Math.min(next.get(), bookings), bookings,
                    phase.settled.get());
        }
        for (Future<?> client : running) {
            client.get();
        }
        phase.lastSent = System.nanoTime();
        pool.shutdown();
    }

    private void placePaced(Phase phase) throws Exception {
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(clients);
        long periodNanos = (long) (1e9 / pacedRate);
        List<Future<?>> scheduled = new ArrayList<>();
        phase.started = System.nanoTime();
        for (int n = 0; n < pacedBookings; n++) {
            scheduled.add(pacer.schedule(() -> {
                place(phase);
                return null;
            }, n * periodNanos, TimeUnit.NANOSECONDS));
        }
        while (scheduled.stream().anyMatch(future -> !future.isDone())) {
            Thread.sleep(1000);
            Benchmark.progress("  placed %d/%d, settled %d", phase.sentAt.size(), pacedBookings, phase.settled.get());
        }
        for (Future<?> booking : scheduled) {
            booking.get();
        }
        phase.lastSent = System.nanoTime();
        pacer.shutdown();
    }

    private void place(Phase phase) throws Exception {
        int n = sequence.getAndIncrement();
        UUID bookingId = UUID.randomUUID();
        long sent = System.nanoTime();
        phase.sentAt.put(bookingId, sent);
        int status = api.book(users.get(n % USERS), bookingId, shows.get(n % SHOWS),
                n % 10 == 9 ? "tok_declined" : "tok_visa");
        phase.posts.record(System.nanoTime() - sent);
        if (status == 202) {
            phase.accepted.incrementAndGet();
        }
    }

    private static void awaitSettled(Phase phase) throws InterruptedException {
        long waitUntil = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (phase.settled.get() < phase.accepted.get() && System.nanoTime() < waitUntil) {
            Thread.sleep(1000);
            Benchmark.progress("  settled %d/%d", phase.settled.get(), phase.accepted.get());
        }
    }

    /** A new user, once the booking service knows them: a first booking is retried until it is accepted. */
    private String knownUser(UUID show) throws Exception {
        String token = api.newUser();
        UUID warmUp = UUID.randomUUID();
        for (int attempt = 0; attempt < 100 && api.book(token, warmUp, show, "tok_visa") == 403; attempt++) {
            Thread.sleep(50);
        }
        return token;
    }
}
