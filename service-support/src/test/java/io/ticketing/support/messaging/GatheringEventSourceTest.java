package io.ticketing.support.messaging;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatheringEventSourceTest {

    private static final Duration GATHERING = Duration.ofSeconds(1);
    private static final int TIMEOUT_MS = 30_000;

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void aCaughtUpReaderIsHandedTheFirstEventWithTheOnesThatFollowedItWithinTheGathering() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream =
                new GatheringEventSource(eventStore, GATHERING).openStream(eventStore.createHeadToken());
        AtomicReference<Thread> reader = new AtomicReference<>();
        CompletableFuture<List<Object>> firstBatch = CompletableFuture.supplyAsync(() -> {
            reader.set(Thread.currentThread());
            return batchOf(stream);
        });
        // Waiting for the first event, not yet handed one.
        await().until(() -> reader.get() != null && reader.get().getState() == Thread.State.TIMED_WAITING);

        eventStore.publish(GenericEventMessage.asEventMessage("first"));
        Thread.sleep(100);
        eventStore.publish(GenericEventMessage.asEventMessage("second"));

        assertThat(firstBatch.get()).containsExactly("first", "second");
    }

    @Test
    void aReaderBehindIsHandedWhatWaitsWithoutGathering() {
        eventStore.publish(GenericEventMessage.asEventMessage("waiting"));
        BlockingStream<TrackedEventMessage<?>> stream =
                new GatheringEventSource(eventStore, Duration.ofHours(1)).openStream(null);

        List<Object> batch = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> batchOf(stream));

        assertThat(batch).containsExactly("waiting");
    }

    @Test
    void aReaderWaitsNoLongerThanItAskedWhenNothingComes() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream =
                new GatheringEventSource(eventStore, Duration.ofHours(1)).openStream(eventStore.createHeadToken());

        boolean available =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> stream.hasNextAvailable(10, MILLISECONDS));

        assertThat(available).isFalse();
    }

    /** What a streaming processor takes as one batch: what is available once it has waited for the first event. */
    private static List<Object> batchOf(BlockingStream<TrackedEventMessage<?>> stream) {
        List<Object> payloads = new ArrayList<>();
        try {
            if (stream.hasNextAvailable(TIMEOUT_MS, MILLISECONDS)) {
                while (stream.hasNextAvailable()) {
                    payloads.add(stream.nextAvailable().getPayload());
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return payloads;
    }
}
