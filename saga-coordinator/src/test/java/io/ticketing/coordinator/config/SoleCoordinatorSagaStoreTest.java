package io.ticketing.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.support.persistence.AggregateCaches;
import io.ticketing.support.test.ProjectionTest;
import io.ticketing.support.test.StatementCountingDataSource;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@ProjectionTest
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/saga-coordinator")
class SoleCoordinatorSagaStoreTest {

    @Autowired
    private DataSource dataSource;

    private final AggregateCaches caches = new AggregateCaches(100, Duration.ofMinutes(1));
    private final String sagaId = UUID.randomUUID().toString();
    private final AssociationValue booking =
            new AssociationValue("bookingId", UUID.randomUUID().toString());

    private StatementCountingDataSource counted;
    private SoleCoordinatorSagaStore<Object> store;

    /** A saga's state, which its handlers change in place. */
    public static class Tally {
        public int count;
    }

    @BeforeEach
    void storeOnACountedDatabase() {
        counted = new StatementCountingDataSource(dataSource);
        store = new SoleCoordinatorSagaStore<>(
                JdbcSagaStore.builder()
                        .connectionProvider(new SpringDataSourceConnectionProvider(counted))
                        .sqlSchema(new PostgresSagaSqlSchema())
                        .serializer(JacksonSerializer.defaultSerializer())
                        .build(),
                caches.named("sagas"),
                caches.named("saga-associations"));
    }

    @AfterEach
    void closeTheCaches() {
        caches.close();
    }

    @Test
    void theEventsOfASagaUnderWayReadNothingOnceItsAssociationWasLookedUp() {
        assertThat(store.findSagas(Tally.class, booking)).as("a new booking").isEmpty();
        store.insertSaga(Tally.class, sagaId, new Tally(), Set.of(booking));
        int started = counted.roundTrips();

        for (int event = 0; event < 3; event++) {
            assertThat(store.findSagas(Tally.class, booking)).containsExactly(sagaId);
            assertThat(store.loadSaga(Tally.class, sagaId).associationValues()).containsExactly(booking);
        }

        assertThat(counted.roundTrips())
                .as("round trips after the saga started")
                .isEqualTo(started);
    }

    @Test
    void aUnitOfWorkThatRollsBackLeavesTheSagaAsTheDatabaseHasIt() {
        store.insertSaga(Tally.class, sagaId, new Tally(), Set.of(booking));

        new TransactionTemplate(new DataSourceTransactionManager(counted)).executeWithoutResult(transaction -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
            Tally changed = store.loadSaga(Tally.class, sagaId).saga();
            changed.count++;
            store.updateSaga(Tally.class, sagaId, changed, new AssociationValuesImpl(Set.of(booking)));
            transaction.setRollbackOnly();
            unitOfWork.rollback();
        });
        int rolledBack = counted.roundTrips();

        assertThat(store.loadSaga(Tally.class, sagaId).saga().count)
                .as("the count the database kept")
                .isZero();
        assertThat(store.findSagas(Tally.class, booking)).containsExactly(sagaId);
        assertThat(counted.roundTrips())
                .as("the saga and its association read again")
                .isEqualTo(rolledBack + 3);
    }
}
