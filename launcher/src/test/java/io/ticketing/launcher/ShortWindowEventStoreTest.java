package io.ticketing.launcher;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShortWindowEventStoreTest {

    private static final int WINDOW_EVENTS = 5;

    private final ShortWindowEventStore eventStore =
            ShortWindowEventStore.over(new InMemoryEventStorageEngine(), WINDOW_EVENTS);

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void aStreamOnAnEventTheWindowLeftBehindReadsOnFromTheStorageEngine() throws InterruptedException {
        publish(0, 1);
        TrackingEventStream stream = eventStore.openStream(null);
        assertThat(read(stream, 1)).containsExactly("event 0");
        // Having read all there was from the storage engine, the stream waits at the window's head, and reads on there.
        assertThat(stream.hasNextAvailable(100, MILLISECONDS)).isFalse();
        publish(1, 4);
        assertThat(read(stream, 3)).containsExactly("event 1", "event 2", "event 3");

        // The window moves past the event the stream stands on, and unlinks it from the events after it.
        publish(4, 30);

        assertThat(read(stream, 26)).containsExactlyElementsOf(payloads(4, 30));
    }

    @Test
    void aStreamTheWindowLeavesBehindTimeAfterTimeAndOneFarBehindReadEveryEventOnceInOrder() {
        TrackingEventStream following = eventStore.openStream(null);
        TrackingEventStream lagging = eventStore.openStream(null);
        List<Object> followed = new ArrayList<>();
        List<Object> lagged = new ArrayList<>();
        int rounds = 100;
        int eventsARound = WINDOW_EVENTS + 2;

        for (int round = 0; round < rounds; round++) {
            publish(round * eventsARound, (round + 1) * eventsARound);
            followed.addAll(read(following, eventsARound));
            lagged.addAll(read(lagging, 1));
        }
        lagged.addAll(read(lagging, rounds * eventsARound - lagged.size()));

        assertThat(followed).containsExactlyElementsOf(payloads(0, rounds * eventsARound));
        assertThat(lagged).containsExactlyElementsOf(payloads(0, rounds * eventsARound));
    }

    @Test
    void streamsReadingAsTheWindowMovesUnderThemReadEveryEventOnceInOrder() throws Exception {
        int events = 2_000;
        int streams = 3;
        ExecutorService readers = Executors.newFixedThreadPool(streams);
        try {
            List<CompletableFuture<List<Object>>> reads = IntStream.range(0, streams)
                    .mapToObj(reader -> eventStore.openStream(null))
                    .map(stream -> CompletableFuture.supplyAsync(() -> read(stream, events), readers))
                    .toList();

            publish(0, events);

            for (CompletableFuture<List<Object>> read : reads) {
                assertThat(read.get(60, SECONDS)).containsExactlyElementsOf(payloads(0, events));
            }
        } finally {
            readers.shutdownNow();
        }
    }

    /**
     * One event at a time: Axon's in-memory engine stores a list of events in no particular order, so that a stream
     * reading as it stores them could see a list's last event before its first.
     */
    private void publish(int from, int to) {
        payloads(from, to).forEach(payload -> eventStore.publish(GenericEventMessage.asEventMessage(payload)));
    }

    private static List<Object> payloads(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(event -> (Object) ("event " + event))
                .toList();
    }

    /** The payloads of the stream's next events, as a streaming processor takes them: waiting for each. */
    private static List<Object> read(TrackingEventStream stream, int count) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<Object> payloads = new ArrayList<>();
            while (payloads.size() < count) {
                if (stream.hasNextAvailable(100, MILLISECONDS)) {
                    payloads.add(stream.nextAvailable().getPayload());
                }
            }
            return payloads;
        });
    }
}
