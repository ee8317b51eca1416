package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketing.support.test.StatementCountingDataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A unit of work that appends events without having read any (its aggregates came from the cache or are new) sends a
 * single statement, which commits as it runs; with several events, or after a read, the events go in the unit of
 * work's transaction, committed or rolled back with it.
 */
class EventAppendsIT {

    @RegisterExtension
    static final ThrowawayEventStore store = new ThrowawayEventStore(4);

    private StatementCountingDataSource counted;
    private ShortWindowEventStore events;

    @BeforeEach
    void storeOnACountedDatabase() throws Exception {
        counted = new StatementCountingDataSource(store.database());
        AggregateKnowingStorageEngine engine = EventStoreFactory.storageEngine(
                counted, SimpleQueryBus.builder().build());
        engine.storedAggregatesLearned().get(30, TimeUnit.SECONDS);
        events = ShortWindowEventStore.over(engine, 100);
    }

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    @Test
    void oneEventAppendedWithoutAReadCommitsWithItsStatement() {
        String aggregateId = UUID.randomUUID().toString();
        int statements = counted.roundTrips();
        int commits = counted.commits();

        inUnitOfWork(unitOfWork -> events.publish(event(aggregateId, 0, "placed")));

        assertThat(counted.roundTrips() - statements).as("statements").isEqualTo(1);
        assertThat(counted.commits() - commits).as("commits").isZero();
        assertThat(payloadsOf(aggregateId)).containsExactly("placed");
    }

    @Test
    void severalEventsAppendedWithoutAReadCommitWithTheUnitOfWork() {
        String aggregateId = UUID.randomUUID().toString();
        int commits = counted.commits();

        inUnitOfWork(unitOfWork -> events.publish(event(aggregateId, 0, "placed"), event(aggregateId, 1, "confirmed")));

        assertThat(counted.commits() - commits).as("commits").isEqualTo(1);
        assertThat(payloadsOf(aggregateId)).containsExactly("placed", "confirmed");
    }

    @Test
    void anAppendThatConflictsStoresNone() {
        String aggregateId = UUID.randomUUID().toString();
        inUnitOfWork(unitOfWork -> events.publish(event(aggregateId, 0, "placed")));

        assertThatThrownBy(() -> inUnitOfWork(unitOfWork ->
                        events.publish(event(aggregateId, 1, "confirmed"), event(aggregateId, 0, "again"))))
                .isInstanceOf(RuntimeException.class);

        assertThat(payloadsOf(aggregateId)).containsExactly("placed");
    }

    @Test
    void anAppendAfterAReadRollsBackWithTheUnitOfWork() {
        String aggregateId = UUID.randomUUID().toString();
        inUnitOfWork(unitOfWork -> events.publish(event(aggregateId, 0, "placed")));

        assertThatThrownBy(() -> inUnitOfWork(unitOfWork -> {
                    assertThat(events.readEvents(aggregateId).asStream()).hasSize(1);
                    events.publish(event(aggregateId, 1, "confirmed"));
                    unitOfWork.onPrepareCommit(appended -> {
                        throw new IllegalStateException("refused once the events are appended");
                    });
                }))
                .hasMessageContaining("refused once the events are appended");

        assertThat(payloadsOf(aggregateId)).containsExactly("placed");
    }

    private static void inUnitOfWork(Consumer<UnitOfWork<?>> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a command"));
        unitOfWork.execute(() -> work.accept(unitOfWork));
    }

    private static DomainEventMessage<String> event(String aggregateId, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, sequence, payload);
    }

    private List<Object> payloadsOf(String aggregateId) {
        return events.readEvents(aggregateId)
                .asStream()
                .<Object>map(DomainEventMessage::getPayload)
                .toList();
    }
}
