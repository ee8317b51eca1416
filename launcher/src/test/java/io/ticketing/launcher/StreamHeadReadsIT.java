package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.support.test.StatementCountingDataSource;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
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
    private int aBatchAndAHalf;

    @BeforeEach
    void aBatchAndAHalfOfEvents() throws Exception {
        counted = new StatementCountingDataSource(store.database());
        engine = EventStoreFactory.storageEngine(
                counted, SimpleQueryBus.builder().build());
        engine.storedAggregatesLearned().get(30, TimeUnit.SECONDS);
        beforeTheEvents = engine.createHeadToken();
        aBatchAndAHalf = engine.batchSize() * 3 / 2;
        String aggregateId = UUID.randomUUID().toString();
        DefaultUnitOfWork.startAndGet(null)
                .execute(() -> IntStream.range(0, aBatchAndAHalf)
                        .forEach(sequence -> store.eventStore()
                                .publish(new GenericDomainEventMessage<>("Probe", aggregateId, sequence, sequence))));
    }

    @Test
    void aStreamThatMayWaitAtItsEndEndsWithABatchThatIsNotFull() {
        assertThat(statementsToReadThemAll(true)).isEqualTo(2);
    }

    @Test
    void anyOtherStreamReadsUntilABatchComesBackEmpty() {
        assertThat(statementsToReadThemAll(false)).isEqualTo(3);
    }

    /** The statements a stream takes to read the events, all of which it must read. */
    private int statementsToReadThemAll(boolean mayWaitAtItsEnd) {
        int statements = counted.roundTrips();
        assertThat(engine.readEvents(beforeTheEvents, mayWaitAtItsEnd).toList()).hasSize(aBatchAndAHalf);
        return counted.roundTrips() - statements;
    }
}
