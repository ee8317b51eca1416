package io.ticketing.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.support.test.ProjectionTest;
import io.ticketing.support.test.StatementCountingDataSource;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
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
class AssociationKnowingSagaStoreTest {

    @Autowired
    private DataSource dataSource;

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final PostgresSagaSqlSchema schema = new PostgresSagaSqlSchema();
    private final String sagaId = UUID.randomUUID().toString();
    private final AssociationValue booking =
            new AssociationValue("bookingId", UUID.randomUUID().toString());

    private StatementCountingDataSource counted;
    private SagaStore<Object> stored;

    @BeforeEach
    void storeOnACountedDatabase() {
        counted = new StatementCountingDataSource(dataSource);
        stored = JdbcSagaStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(counted))
                .sqlSchema(schema)
                .serializer(serializer)
                .build();
    }

    @Test
    void aNewBookingsLookupIsAnsweredWithoutAStatement() {
        SagaStore<Object> knowing = knowingStore();
        int before = counted.roundTrips();

        assertThat(knowing.findSagas(String.class, booking)).isEmpty();

        assertThat(counted.roundTrips()).as("statements for the lookup").isEqualTo(before);
    }

    @Test
    void aSagaUnderWayWhenTheStoreIsMadeIsFound() {
        stored.insertSaga(String.class, sagaId, "a saga", Set.of(booking));

        assertThat(knowingStore().findSagas(String.class, booking)).containsExactly(sagaId);
    }

    @Test
    void aSagaItStartedIsFoundUntilItEnds() {
        SagaStore<Object> knowing = knowingStore();
        knowing.insertSaga(String.class, sagaId, "a saga", Set.of(booking));
        assertThat(knowing.findSagas(String.class, booking)).containsExactly(sagaId);

        knowing.deleteSaga(String.class, sagaId, Set.of(booking));
        int ended = counted.roundTrips();

        assertThat(knowing.findSagas(String.class, booking)).isEmpty();
        assertThat(counted.roundTrips()).as("statements for the lookup").isEqualTo(ended);
    }

    @Test
    void anAssociationOfAnotherSagaTypeIsNotTakenForOne() {
        SagaStore<Object> knowing = knowingStore();
        knowing.insertSaga(String.class, sagaId, "a saga", Set.of(booking));

        assertThat(knowing.findSagas(Integer.class, booking)).isEmpty();
    }

    @Test
    void anEndingThatRollsBackLeavesTheSagaFound() {
        SagaStore<Object> knowing = knowingStore();
        knowing.insertSaga(String.class, sagaId, "a saga", Set.of(booking));

        new TransactionTemplate(new DataSourceTransactionManager(counted)).executeWithoutResult(transaction -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
            knowing.deleteSaga(String.class, sagaId, Set.of(booking));
            transaction.setRollbackOnly();
            unitOfWork.rollback();
        });

        assertThat(knowing.findSagas(String.class, booking)).containsExactly(sagaId);
    }

    private SagaStore<Object> knowingStore() {
        return AssociationKnowingSagaStore.over(stored, serializer, new JdbcTemplate(counted), schema.sagaSchema());
    }
}
