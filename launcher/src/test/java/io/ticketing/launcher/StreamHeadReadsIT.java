package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.support.test.StatementCountingDataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stream that may wait at its end, the event store's reader of the latest events, reads on only while its batches
 * come back full: that reader reads again whenever an append commits. Any other stream (a processor behind the window,
 * a replay) reads until a batch comes back empty.
 */
class StreamHeadReadsIT {

    @RegisterExtension
    static final ThrowawayEventStore store = new ThrowawayEventStore(4);

    private StatementCountingDataSource counted;
    private AggregateKnowingStorageEngine engine;
    private TrackingToken beforeTheEvents;
    private int batchSize;

    @BeforeEach
    void aBatchAndAHalfOfEvents() throws Exception {
        counted = new StatementCountingDataSource(store.database());
        engine = EventStoreFactory.storageEngine(
                counted, SimpleQueryBus.builder().build());
        engine.storedAggregatesLearned().get(30, TimeUnit.SECONDS);
        beforeTheEvents = engine.createHeadToken();
        batchSize = engine.batchSize();
        String aggregateId = UUID.randomUUID().toString();
        DefaultUnitOfWork.startAndGet(null)
                .execute(() -> IntStream.range(0, batchSize + batchSize / 2)
                        .forEach(sequence -> store.eventStore()
                                .publish(new GenericDomainEventMessage<>("Probe", aggregateId, sequence, sequence))));
    }

    @Test
    void aStreamThatMayWaitAtItsEndEndsWithABatchThatIsNotFull() {
        int statements = counted.roundTrips();

        List<? extends TrackedEventMessage<?>> read =
                engine.readEvents(beforeTheEvents, true).toList();

        assertThat(read).hasSize(batchSize + batchSize / 2);
        assertThat(counted.roundTrips() - statements).as("statements").isEqualTo(2);
    }

    @Test
    void anyOtherStreamReadsUntilABatchComesBackEmpty() {
        int statements = counted.roundTrips();

        List<? extends TrackedEventMessage<?>> read =
                engine.readEvents(beforeTheEvents, false).toList();

        assertThat(read).hasSize(batchSize + batchSize / 2);
        assertThat(counted.roundTrips() - statements).as("statements").isEqualTo(3);
    }
}
