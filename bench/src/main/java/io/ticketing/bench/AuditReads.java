package io.ticketing.bench;

import io.ticketing.client.PlatformClient;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Scenario 4: what an auditor reads, straight from the event store: the longest aggregate stream (a show's), read
 * whole several times, and the NDJSON export of every event the store holds.
 */
record AuditReads(PlatformClient api, String adminToken) {

    record Figures(
            long streamEvents, double streamEventsPerSecond, long exportedEvents, double exportEventsPerSecond) {}

    private static final int STREAM_READS = 5;

    Figures run(String showId) throws Exception {
        long streamEvents = 0;
        long started = System.nanoTime();
        for (int read = 1; read <= STREAM_READS; read++) {
            streamEvents = api.call(
                            "booking-query", "GET", "/api/audit/shows/" + showId + "/events", adminToken, null, 200)
                    .size();
            Benchmark.progress("  read show %s's stream (%d events), %d/%d", showId, streamEvents, read, STREAM_READS);
        }
        double streamSeconds = (System.nanoTime() - started) / 1e9;
        Benchmark.progress("  exporting every event as NDJSON");
        started = System.nanoTime();
        long exported = countLines("/api/audit/export?from=2000-01-01T00:00:00Z");
        double exportSeconds = (System.nanoTime() - started) / 1e9;
        return new Figures(
                streamEvents, streamEvents * STREAM_READS / streamSeconds, exported, exported / exportSeconds);
    }

    /** Reads a long NDJSON answer as it streams in, and counts its objects, with a progress line every 100,000. */
    private long countLines(String path) {
        try (Stream<String> lines = api.lines("booking-query", path, adminToken)) {
            AtomicLong counted = new AtomicLong();
            lines.filter(line -> !line.isEmpty()).forEach(line -> {
                if (counted.incrementAndGet() % 100_000 == 0) {
                    Benchmark.progress("  read %d lines of %s", counted.get(), path);
                }
            });
            return counted.get();
        }
    }
}
