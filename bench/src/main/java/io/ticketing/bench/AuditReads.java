package io.ticketing.bench;

/**
 * Scenario 4: what an auditor reads, straight from the event store: the longest aggregate stream (a show's), read
 * whole several times, and the NDJSON export of every event the store holds.
 */
record AuditReads(BookingApi api, String adminToken) {

    record Figures(long streamEvents, double streamEventsPerSecond, long exportedEvents,
                   double exportEventsPerSecond) {
    }

    private static final int STREAM_READS = 5;

    Figures run(String showId) throws Exception {
        long streamEvents = 0;
        long started = System.nanoTime();
        for (int read = 1; read <= STREAM_READS; read++) {
            streamEvents = api.get("booking-query", "/api/audit/shows/" + showId + "/events", adminToken).size();
            Benchmark.progress("  read show %s's stream (%d events), %d/%d", showId, streamEvents, read,
                    STREAM_READS);
        }
        double streamSeconds = (System.nanoTime() - started) / 1e9;
        Benchmark.progress("  exporting every event as NDJSON");
        started = System.nanoTime();
        long exported = api.countLines("booking-query", "/api/audit/export?from=2000-01-01T00:00:00Z", adminToken);
        double exportSeconds = (System.nanoTime() - started) / 1e9;
        return new Figures(streamEvents, streamEvents * STREAM_READS / streamSeconds, exported,
                exported / exportSeconds);
    }
}
