package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Concurrent writers against the standalone event store, while a tracking reader follows the stream. Global indexes
 * are taken at insert but become visible at commit, so a slow transaction shows up behind faster ones that took
 * later indexes, and a rolled-back one leaves a hole for good. The reader must see every committed event exactly
 * once, and none of the rolled-back ones.
 */
class EventStoreGapIT {

    private static final int WRITERS = 8;
    private static final int TRANSACTIONS_PER_WRITER = 60;
    private static final int EVENTS_PER_TRANSACTION = 3;

    @RegisterExtension
    static final ThrowawayEventStore store = new ThrowawayEventStore(WRITERS + 4);

    @Test
    void aTrackingReaderSeesEveryCommittedEventOnceDespiteSlowAndRolledBackTransactions() throws Exception {
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        List<String> seen = new ArrayList<>();

        try (BlockingStream<TrackedEventMessage<?>> stream = store.eventStore().openStream(null)) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                running.add(writers.submit(() -> write(committed, rolledBack)));
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            boolean writing = true;
            while (System.nanoTime() < deadline && (writing || seen.size() < committed.size())) {
                if (stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
                    seen.add(stream.nextAvailable().getIdentifier());
                }
                writing = running.stream().anyMatch(future -> !future.isDone());
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            writers.shutdown();
            // Anything the reader would deliver twice, or late, arrives within this grace period.
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                seen.add(stream.nextAvailable().getIdentifier());
            }
        }

        assertThat(rolledBack)
                .as("the run must have rolled some transactions back")
                .isNotEmpty();
        assertThat(committed).hasSize(WRITERS * TRANSACTIONS_PER_WRITER * EVENTS_PER_TRANSACTION - rolledBack.size());
        assertThat(seen).as("no event is delivered twice").doesNotHaveDuplicates();
        assertThat(seen).as("every committed event, and nothing else").containsExactlyInAnyOrderElementsOf(committed);
        assertThat(highestGlobalIndex())
                .as("rolled-back appends left gaps below the highest global index")
                .isGreaterThan(committed.size());
    }

    @Test
    void aReaderCrossesGapsWiderThanABatch() throws Exception {
        List<String> published = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream =
                store.eventStore().openStream(store.eventStore().createHeadToken())) {
            published.add(publishOne());
            burnGlobalIndexes(5);
            published.add(publishOne());
            // Ten batches' worth of indexes that no event will ever have, read from a token that has gaps.
            burnGlobalIndexes(1_000);
            published.add(publishOne());

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < published.size() && System.nanoTime() < deadline) {
                if (stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
                    seen.add(stream.nextAvailable().getIdentifier());
                }
            }
        }

        assertThat(seen).containsExactlyElementsOf(published);
    }

    @Test
    void aSnapshotStoredAfterTheUnitOfWorkIsKept() {
        String aggregateId = UUID.randomUUID().toString();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.eventStore().publish(new GenericDomainEventMessage<>("Probe", aggregateId, 0, "first"));
        // Axon's snapshotter stores snapshots after the commit, outside any transaction of the unit of work.
        unitOfWork.afterCommit(uow -> store.eventStore()
                .storeSnapshot(new GenericDomainEventMessage<>("Probe", aggregateId, 0, "snapshot of first")));
        unitOfWork.commit();

        assertThat(store.eventStore().readEvents(aggregateId).next().getPayload())
                .isEqualTo("snapshot of first");
    }

    /** Appends events for new aggregates; some transactions wait before they commit, some roll back. */
    private static void write(Set<String> committed, Set<String> rolledBack) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int transaction = 0; transaction < TRANSACTIONS_PER_WRITER; transaction++) {
            int fate = random.nextInt(10);
            String aggregateId = UUID.randomUUID().toString();
            List<String> eventIds = new ArrayList<>();
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            for (int sequence = 0; sequence < EVENTS_PER_TRANSACTION; sequence++) {
                GenericDomainEventMessage<String> event = new GenericDomainEventMessage<>(
                        "Probe", aggregateId, sequence, "event " + sequence + " of " + aggregateId);
                eventIds.add(event.getIdentifier());
                store.eventStore().publish(event);
            }
            // Registered after the first publish, so it runs after the appends and before the commit.
            unitOfWork.onPrepareCommit(uow -> {
                if (fate == 0) {
                    throw new IllegalStateException("rolled back on purpose");
                }
                if (fate <= 2) {
                    sleep(random.nextInt(20, 300));
                }
            });
            try {
                unitOfWork.commit();
                committed.addAll(eventIds);
            } catch (IllegalStateException rolledBackOnPurpose) {
                rolledBack.addAll(eventIds);
            }
        }
    }

    private static String publishOne() {
        GenericDomainEventMessage<String> event =
                new GenericDomainEventMessage<>("Probe", UUID.randomUUID().toString(), 0, "alone");
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.eventStore().publish(event));
        return event.getIdentifier();
    }

    /** Takes global indexes as rolled-back appends would, without storing anything under them. */
    private static void burnGlobalIndexes(int count) throws Exception {
        try (Connection connection = store.database().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))"
                    + " FROM generate_series(1, " + count + ")");
        }
    }

    private static long highestGlobalIndex() throws Exception {
        try (Connection connection = store.database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT max(globalindex) FROM domainevententry")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
