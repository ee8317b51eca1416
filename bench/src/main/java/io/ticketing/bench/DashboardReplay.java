package io.ticketing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Scenario 3: the dashboards rebuilt from the first event, through the admin API, over the generated history. It
 * reads the rebuild's progress once a second and asks the dashboards for their summary at the same time: the old
 * tables answer until the new ones are swapped in. The rebuild is over when the summary counts every booking the
 * history holds.
 */
record DashboardReplay(PlatformClient api, String adminToken, ProcessCpu platformCpu, ProcessCpu databaseCpu) {

    /**
     * @param eventsPerSecond           events applied per second, as the rebuild counts them
     * @param secondsUntilRebuiltAnswer from asking for the rebuild to the first summary that counts every booking
     * @param answersDuringRebuild      summaries answered while the rebuild ran; none may fail
     * @param jitCompilerShare          the JIT compiler threads' share of the platform's CPU meanwhile: what the
     *                                  rebuild shares the cores with on code that is not compiled yet
     * @param platformCores             the platform's CPU time meanwhile over the time taken: how many cores it kept
     *                                  busy on average
     * @param postgresCores             the same for PostgreSQL (each figure NaN when its processes could not be read)
     */
    record Figures(
            long eventsApplied,
            double eventsPerSecond,
            double secondsUntilRebuiltAnswer,
            int answersDuringRebuild,
            double jitCompilerShare,
            double platformCores,
            double postgresCores) {}

    /** @param bookings how many bookings the event store holds in all */
    Figures run(long bookings) throws Exception {
        long started = System.nanoTime();
        Optional<ProcessCpu.Reading> platformAtStart = platformCpu.read();
        Optional<ProcessCpu.Reading> databaseAtStart = databaseCpu.read();
        api.call("booking-query", "POST", "/api/admin/projections/dashboards/replay", adminToken, null, 202);
        int answers = 0;
        while (true) {
            Thread.sleep(1000);
            JsonNode rebuild = api.projection("dashboards", adminToken).path("rebuild");
            long counted = bookingsCounted();
            answers++;
            Benchmark.progress(
                    "  rebuilding the dashboards: %s, %d%%, %d events, %d events/s",
                    rebuild.path("state").asText(),
                    rebuild.path("percent").asInt(),
                    rebuild.path("eventsApplied").asLong(),
                    rebuild.path("eventsPerSecond").asLong());
            switch (rebuild.path("state").asText()) {
                case "FAILED" -> throw new IllegalStateException("The rebuild failed: " + rebuild.path("failure"));
                case "DONE" -> {
                    // Read after the state: the swap is committed, so every booking must be counted now.
                    if (counted < bookings) {
                        throw new IllegalStateException(
                                "The rebuilt dashboards count " + counted + " bookings of " + bookings);
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Optional<ProcessCpu.Reading> platform =
                            ProcessCpu.Reading.between(platformAtStart, platformCpu.read());
                    Optional<ProcessCpu.Reading> database =
                            ProcessCpu.Reading.between(databaseAtStart, databaseCpu.read());
                    return new Figures(
                            rebuild.path("eventsApplied").asLong(),
                            rebuild.path("eventsPerSecond").asDouble(),
                            seconds,
                            answers,
                            platform.map(ProcessCpu.Reading::compilerShare).orElse(Double.NaN),
                            coresOver(platform, seconds),
                            coresOver(database, seconds));
                }
                default -> {
                    // Still building or swapping.
                }
            }
        }
    }

    private static double coresOver(Optional<ProcessCpu.Reading> used, double seconds) {
        return used.map(reading -> reading.millis() / (seconds * 1000)).orElse(Double.NaN);
    }

    private long bookingsCounted() throws Exception {
        JsonNode byStatus = api.call("booking-query", "GET", "/api/dashboard/summary", adminToken, null, 200)
                .path("bookingsByStatus");
        return StreamSupport.stream(byStatus.spliterator(), false)
                .mapToLong(JsonNode::asLong)
                .sum();
    }
}
