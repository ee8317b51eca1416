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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenarios 1 and 2: {@code bookings} bookings placed over HTTP by {@code clients} concurrent clients, across several
 * shows with enough seats, every tenth with a card that is declined. It times each {@code POST /api/bookings}, and
 * each booking from the moment it was sent until the dashboards' live stream shows it settled.
 */
final class BookingLoad {

    record Figures(double acceptedPerSecond, double postP50, double postP95, double postP99, double sagaP50,
                   double sagaP95, double sagaP99, double settledPerSecond, int accepted, int settled) {
    }

    private static final int SHOWS = 4;
    private static final int USERS = 8;

    private final BookingApi api;
    private final int bookings;
    private final int clients;

    BookingLoad(BookingApi api, int bookings, int clients) {
        this.api = api;
        this.bookings = bookings;
        this.clients = clients;
    }

    Figures run() throws Exception {
        String admin = api.login(BookingApi.ADMIN_EMAIL, BookingApi.ADMIN_PASSWORD);
        List<UUID> shows = new ArrayList<>();
        for (int i = 0; i < SHOWS; i++) {
            shows.add(api.newShow(admin, bookings));
        }
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(knownUser(shows.get(0)));
        }

        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        Latencies saga = new Latencies();
        AtomicInteger settled = new AtomicInteger();
        AtomicLong lastSettled = new AtomicLong();
        Thread follower = new Thread(() -> {
            try {
                api.follow(admin, change -> {
                    String status = change.path("status").asText();
                    Long sent = sentAt.get(UUID.fromString(change.path("bookingId").asText()));
                    if (sent != null && (status.equals("CONFIRMED") || status.equals("REJECTED"))) {
                        if (status.equals("CONFIRMED")) {
                            saga.record(System.nanoTime() - sent);
                        }
                        settled.incrementAndGet();
                        lastSettled.set(System.nanoTime());
                    }
                });
            } catch (Exception stopped) {
                // The run is over.
            }
        }, "bench-live-stream");
        follower.setDaemon(true);
        follower.start();
        Thread.sleep(500);

        Latencies posts = new Latencies();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            running.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < bookings; n = next.getAndIncrement()) {
                    UUID bookingId = UUID.randomUUID();
                    long sent = System.nanoTime();
                    sentAt.put(bookingId, sent);
                    int status = api.book(users.get(n % USERS), bookingId, shows.get(n % SHOWS),
                            n % 10 == 9 ? "tok_declined" : "tok_visa");
                    posts.record(System.nanoTime() - sent);
                    if (status == 202) {
                        accepted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        while (running.stream().anyMatch(future -> !future.isDone())) {
            Thread.sleep(1000);
            Benchmark.progress("  placed %d/%d, settled %d", next.get(), bookings, settled.get());
        }
        for (Future<?> client : running) {
            client.get();
        }
        double placingSeconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long waitUntil = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (settled.get() < accepted.get() && System.nanoTime() < waitUntil) {
            Thread.sleep(1000);
            Benchmark.progress("  settled %d/%d", settled.get(), accepted.get());
        }
        follower.interrupt();
        double settlingSeconds = (lastSettled.get() - started) / 1e9;
        return new Figures(accepted.get() / placingSeconds, posts.percentileMillis(50), posts.percentileMillis(95),
                posts.percentileMillis(99), saga.percentileMillis(50), saga.percentileMillis(95),
                saga.percentileMillis(99), settled.get() / settlingSeconds, accepted.get(), settled.get());
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
