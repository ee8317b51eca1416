package io.ticketing.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.support.test.ProjectionTest;
import io.ticketing.support.test.StatementCountingDataSource;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@ProjectionTest
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/saga-coordinator")
class BatchWritingSagaStoreTest {

    @Autowired
    private DataSource dataSource;

    private final List<String> sagaIds =
            Stream.generate(() -> UUID.randomUUID().toString()).limit(3).toList();
    private final List<AssociationValue> bookings = sagaIds.stream()
            .map(sagaId -> new AssociationValue("bookingId", UUID.randomUUID().toString()))
            .toList();
    private final AssociationValue payment =
            new AssociationValue("paymentId", UUID.randomUUID().toString());

    private StatementCountingDataSource counted;
    private TransactionTemplate transactions;
    private SagaStore<Object> store;

    @BeforeEach
    void storeOnACountedDatabase() {
        counted = new StatementCountingDataSource(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(counted));
        PostgresSagaSqlSchema schema = new PostgresSagaSqlSchema();
        Serializer serializer = JacksonSerializer.defaultSerializer();
        store = new BatchWritingSagaStore<>(
                JdbcSagaStore.builder()
                        .connectionProvider(new SpringDataSourceConnectionProvider(counted))
                        .sqlSchema(schema)
                        .serializer(serializer)
                        .build(),
                serializer,
                new JdbcTemplate(counted),
                schema.sagaSchema());
    }

    @Test
    void theSagasATransactionStartsGoInARoundTripForTheSagasAndOneForTheirAssociations() {
        int before = counted.roundTrips();

        startAllThree();

        assertThat(counted.roundTrips() - before).as("round trips").isEqualTo(2);
        for (int saga = 0; saga < 3; saga++) {
            assertThat(store.findSagas(String.class, bookings.get(saga))).containsExactly(sagaIds.get(saga));
            assertThat(store.loadSaga(String.class, sagaIds.get(saga)).saga()).isEqualTo("started");
        }
    }

    @Test
    void theSagasATransactionMovesAndEndsGoInARoundTripForEachKindOfWrite() {
        startAllThree();
        int before = counted.roundTrips();

        inTransaction(() -> {
            store.updateSaga(String.class, sagaIds.get(0), "paying", paymentInsteadOf(bookings.get(0)));
            store.deleteSaga(String.class, sagaIds.get(1), Set.of(bookings.get(1)));
            store.deleteSaga(String.class, sagaIds.get(2), Set.of(bookings.get(2)));
            assertThat(counted.roundTrips()).as("round trips before the commit").isEqualTo(before);
        });

        assertThat(counted.roundTrips() - before)
                .as("round trips: the ended sagas' associations and rows, the update, the association it let go "
                        + "of and the one it took")
                .isEqualTo(5);
        assertThat(store.loadSaga(String.class, sagaIds.get(0)).saga()).isEqualTo("paying");
        assertThat(store.findSagas(String.class, payment)).containsExactly(sagaIds.get(0));
        assertThat(store.findSagas(String.class, bookings.get(0))).isEmpty();
        for (int ended = 1; ended < 3; ended++) {
            assertThat(store.loadSaga(String.class, sagaIds.get(ended))).isNull();
            assertThat(store.findSagas(String.class, bookings.get(ended))).isEmpty();
        }
    }

    @Test
    void aTransactionReadsWhatItWroteBeforeTheRead() {
        inTransaction(() -> {
            store.insertSaga(String.class, sagaIds.get(0), "started", Set.of(bookings.get(0)));

            assertThat(store.findSagas(String.class, bookings.get(0))).containsExactly(sagaIds.get(0));
            assertThat(store.loadSaga(String.class, sagaIds.get(0)).saga()).isEqualTo("started");
        });
    }

    @Test
    void aSagaWrittenTwiceInATransactionEndsAsWrittenLast() {
        inTransaction(() -> {
            store.insertSaga(String.class, sagaIds.get(0), "started", Set.of(bookings.get(0)));
            store.deleteSaga(String.class, sagaIds.get(0), Set.of(bookings.get(0)));
            store.insertSaga(String.class, sagaIds.get(1), "started", Set.of(bookings.get(1)));
            store.updateSaga(String.class, sagaIds.get(1), "paying", paymentInsteadOf(bookings.get(1)));
        });

        assertThat(store.loadSaga(String.class, sagaIds.get(0))).isNull();
        assertThat(store.findSagas(String.class, bookings.get(0))).isEmpty();
        assertThat(store.loadSaga(String.class, sagaIds.get(1)).saga()).isEqualTo("paying");
        assertThat(store.findSagas(String.class, payment)).containsExactly(sagaIds.get(1));
    }

    @Test
    void aTransactionThatRollsBackWritesNothing() {
        int before = counted.roundTrips();

        transactions.executeWithoutResult(transaction -> {
            store.insertSaga(String.class, sagaIds.get(0), "started", Set.of(bookings.get(0)));
            transaction.setRollbackOnly();
        });

        assertThat(counted.roundTrips()).as("round trips").isEqualTo(before);
        assertThat(store.loadSaga(String.class, sagaIds.get(0))).isNull();
    }

    @Test
    void anUpdateOfASagaThatIsNotStoredTakesNoAssociationAsAxonsStoreDoes() {
        inTransaction(
                () -> store.updateSaga(String.class, sagaIds.get(0), "paying", paymentInsteadOf(bookings.get(0))));

        assertThat(store.loadSaga(String.class, sagaIds.get(0))).isNull();
        assertThat(store.findSagas(String.class, payment)).isEmpty();
    }

    @Test
    void outsideATransactionAWriteGoesAtOnce() {
        store.insertSaga(String.class, sagaIds.get(0), "started", Set.of(bookings.get(0)));

        assertThat(store.loadSaga(String.class, sagaIds.get(0)).saga()).isEqualTo("started");
    }

    private void startAllThree() {
        inTransaction(() -> {
            for (int saga = 0; saga < 3; saga++) {
                store.insertSaga(String.class, sagaIds.get(saga), "started", Set.of(bookings.get(saga)));
            }
        });
    }

    private AssociationValues paymentInsteadOf(AssociationValue booking) {
        AssociationValues associations = new AssociationValuesImpl(Set.of(booking));
        associations.remove(booking);
        associations.add(payment);
        return associations;
    }

    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(transaction -> work.run());
    }
}
