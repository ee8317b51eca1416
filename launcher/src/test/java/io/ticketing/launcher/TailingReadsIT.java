package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standalone event store's reads of the stream: the one its producer makes after a commit ends at a batch short of
 * full, where Axon's reads on until a batch comes back empty; a reader behind the producer's cache reads on as Axon's
 * does.
 */
class TailingReadsIT {

    @RegisterExtension
    static final ThrowawayEventStore store = new ThrowawayEventStore(4);

    private final AtomicInteger reads = new AtomicInteger();
    private StandaloneStorageEngine engine;

    @BeforeEach
    void countReads() throws Exception {
        engine = EventStoreFactory.storageEngine(
                countingStatements(store.database(), reads),
                SimpleQueryBus.builder().build());
    }

    @Test
    void theProducersReadEndsAtABatchShortOfFull() {
        TrackingToken head = engine.createHeadToken();
        List<String> appended = append(3);

        reads.set(0);
        List<Object> read = payloads(engine.readEvents(head, true).toList());

        assertThat(read).isEqualTo(appended);
        assertThat(reads).hasValue(1);
    }

    @Test
    void theProducersReadGoesOnAfterAFullBatch() {
        TrackingToken head = engine.createHeadToken();
        List<String> appended = append(engine.batchSize() * 2 + 1);

        reads.set(0);
        List<Object> read = payloads(engine.readEvents(head, true).toList());

        assertThat(read).isEqualTo(appended);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aReaderBehindTheCacheReadsOnUntilABatchIsEmpty() {
        TrackingToken head = engine.createHeadToken();
        List<String> appended = append(3);

        reads.set(0);
        List<Object> read = payloads(engine.readEvents(head, false).toList());

        assertThat(read).isEqualTo(appended);
        assertThat(reads).hasValue(2);
    }

    /** {@code count} events of a new aggregate, appended in one commit; their payloads returned. */
    private static List<String> append(int count) {
        String aggregateId = UUID.randomUUID().toString();
        List<String> payloads =
                IntStream.range(0, count).mapToObj(n -> aggregateId + "#" + n).toList();
        store.eventStore()
                .publish(IntStream.range(0, count)
                        .mapToObj(n -> new GenericDomainEventMessage<>("Probe", aggregateId, n, payloads.get(n)))
                        .toList());
        return payloads;
    }

    private static List<Object> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().<Object>map(TrackedEventMessage::getPayload).toList();
    }

    /** {@code database}, counting the statements prepared on its connections: each read of the stream is one. */
    private static DataSource countingStatements(DataSource database, AtomicInteger prepared) {
        return proxy(
                DataSource.class,
                database,
                (method, result) -> method.getName().equals("getConnection")
                        ? proxy(Connection.class, (Connection) result, (connectionMethod, statement) -> {
                            if (connectionMethod.getName().equals("prepareStatement")) {
                                prepared.incrementAndGet();
                            }
                            return statement;
                        })
                        : result);
    }

    private interface AfterCall {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall afterCall) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return afterCall.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        }));
    }
}
