package io.ticketing.coordinator.config;

import static java.sql.Types.BINARY;
import static java.sql.Types.VARCHAR;

import io.ticketing.support.persistence.WrittenBeforeCommit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jpa.SagaEntry;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC saga store, except that a transaction's writes wait until it is about to commit and then go to the
 * database as JDBC batches, a round trip for each kind of statement. The saga's processor stores every saga a batch of
 * events touched as the batch commits, and Axon's store sends each saga's row and each of its associations on their
 * own: about six round trips a booking, on the thread every booking waits for (docs/benchmarks.md).
 * <p>
 * The statements are Axon's, in the columns its schema names, and so is the outcome of each write, an update of a
 * saga that is not there included: a warning, and its new associations not stored. Batches regroup writes by kind;
 * that keeps their order because each saga is written once a transaction, as Axon's repository does. Should a saga be
 * written a second time, or anything be read, the writes gathered so far go first. Outside a transaction a write goes
 * at once. A transaction that rolls back drops what it gathered, as the database drops what it was sent.
 */
final class BatchWritingSagaStore<T> implements SagaStore<T> {

    private static final Logger log = LoggerFactory.getLogger(BatchWritingSagaStore.class);

    private final SagaStore<T> stored;
    private final Serializer serializer;
    private final JdbcTemplate database;
    private final Statement insertSaga;
    private final Statement updateSaga;
    private final Statement deleteSaga;
    private final Statement insertAssociation;
    private final Statement deleteAssociation;
    private final Statement deleteAssociationsOfSaga;
    private final WrittenBeforeCommit<Writes> pending = new WrittenBeforeCommit<>(Writes::new, this::write);

    /**
     * @param stored     Axon's store, which reads
     * @param serializer the one {@code stored} serializes sagas and names their types with
     * @param database   the saga tables' database, in the transactions {@code stored} takes part in
     * @param schema     the tables' and columns' names
     */
    BatchWritingSagaStore(SagaStore<T> stored, Serializer serializer, JdbcTemplate database, SagaSchema schema) {
        this.stored = stored;
        this.serializer = serializer;
        this.database = database;
        String sagas = schema.sagaEntryTable();
        String associations = schema.associationValueEntryTable();
        String sagaId = schema.sagaIdColumn();
        String sagaType = schema.sagaTypeColumn();
        String revision = schema.revisionColumn();
        String serializedSaga = schema.serializedSagaColumn();
        String associationKey = schema.associationKeyColumn();
        String associationValue = schema.associationValueColumn();
        this.insertSaga = new Statement(
                "INSERT INTO " + sagas + " (" + sagaId + ", " + revision + ", " + sagaType + ", " + serializedSaga
                        + ") VALUES (?, ?, ?, ?)",
                VARCHAR,
                VARCHAR,
                VARCHAR,
                BINARY);
        this.updateSaga = new Statement(
                "UPDATE " + sagas + " SET " + serializedSaga + " = ?, " + revision + " = ? WHERE " + sagaId + " = ?",
                BINARY,
                VARCHAR,
                VARCHAR);
        this.deleteSaga = new Statement("DELETE FROM " + sagas + " WHERE " + sagaId + " = ?", VARCHAR);
        this.insertAssociation = new Statement(
                "INSERT INTO " + associations + " (" + associationKey + ", " + associationValue + ", " + sagaType + ", "
                        + sagaId + ") VALUES (?, ?, ?, ?)",
                VARCHAR,
                VARCHAR,
                VARCHAR,
                VARCHAR);
        this.deleteAssociation = new Statement(
                "DELETE FROM " + associations + " WHERE " + associationKey + " = ? AND " + associationValue
                        + " = ? AND " + sagaType + " = ? AND " + sagaId + " = ?",
                VARCHAR,
                VARCHAR,
                VARCHAR,
                VARCHAR);
        this.deleteAssociationsOfSaga =
                new Statement("DELETE FROM " + associations + " WHERE " + sagaId + " = ?", VARCHAR);
    }

    @Override
    public Set<String> findSagas(Class<? extends T> sagaType, AssociationValue associationValue) {
        writeWhatIsGathered();
        return stored.findSagas(sagaType, associationValue);
    }

    @Override
    public <S extends T> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        writeWhatIsGathered();
        return stored.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void insertSaga(
            Class<? extends T> sagaType, String sagaIdentifier, T saga, Set<AssociationValue> associationValues) {
        SagaEntry<T> entry = new SagaEntry<>(saga, sagaIdentifier, serializer);
        String typeName = sagaTypeName(sagaType);
        gather(sagaIdentifier, writes -> {
            writes.sagasInserted.add(
                    new Object[] {sagaIdentifier, entry.getRevision(), entry.getSagaType(), entry.getSerializedSaga()});
            associationValues.forEach(
                    association -> writes.associationsInserted.add(row(association, typeName, sagaIdentifier)));
        });
    }

    @Override
    public void updateSaga(
            Class<? extends T> sagaType, String sagaIdentifier, T saga, AssociationValues associationValues) {
        SagaEntry<T> entry = new SagaEntry<>(saga, sagaIdentifier, serializer);
        String typeName = sagaTypeName(sagaType);
        gather(sagaIdentifier, writes -> {
            writes.sagasUpdated.add(new Object[] {entry.getSerializedSaga(), entry.getRevision(), sagaIdentifier});
            associationValues
                    .removedAssociations()
                    .forEach(association -> writes.associationsDeleted.add(row(association, typeName, sagaIdentifier)));
            associationValues
                    .addedAssociations()
                    .forEach(
                            association -> writes.associationsInserted.add(row(association, typeName, sagaIdentifier)));
        });
    }

    @Override
    public void deleteSaga(
            Class<? extends T> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        gather(sagaIdentifier, writes -> writes.sagasDeleted.add(new Object[] {sagaIdentifier}));
    }

    private void gather(String sagaIdentifier, Consumer<Writes> write) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Writes alone = new Writes();
            write.accept(alone);
            write(alone);
            return;
        }
        Writes writes = pending.get();
        if (!writes.sagas.add(sagaIdentifier)) {
            write(writes);
            writes.sagas.add(sagaIdentifier);
        }
        write.accept(writes);
    }

    private void writeWhatIsGathered() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            write(pending.get());
        }
    }

    /**
     * Kind by kind. Each saga is written once, so only the kinds of one saga's write need an order, Axon's store's: an
     * ending's associations before its row, a start's or a move's row before its associations, which Axon's store
     * does not change for a saga it could not update.
     */
    private void write(Writes writes) {
        batch(deleteAssociationsOfSaga, writes.sagasDeleted);
        batch(deleteSaga, writes.sagasDeleted);
        batch(insertSaga, writes.sagasInserted);
        Set<Object> notFound = new HashSet<>();
        int[] updated = batch(updateSaga, writes.sagasUpdated);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object sagaIdentifier = writes.sagasUpdated.get(i)[2];
                log.warn("Expected to be able to update saga {}, but no rows were found", sagaIdentifier);
                notFound.add(sagaIdentifier);
            }
        }
        if (!notFound.isEmpty()) {
            writes.associationsDeleted.removeIf(association -> notFound.contains(association[3]));
            writes.associationsInserted.removeIf(association -> notFound.contains(association[3]));
        }
        batch(deleteAssociation, writes.associationsDeleted);
        batch(insertAssociation, writes.associationsInserted);
        writes.clear();
    }

    private int[] batch(Statement statement, List<Object[]> rows) {
        return rows.isEmpty() ? new int[0] : database.batchUpdate(statement.sql(), rows, statement.types());
    }

    private String sagaTypeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }

    private static Object[] row(AssociationValue association, String sagaTypeName, String sagaIdentifier) {
        return new Object[] {association.getKey(), association.getValue(), sagaTypeName, sagaIdentifier};
    }

    /**
     * A statement and its parameters' SQL types: with the types given, a {@code null} (a saga type's revision, most
     * often) is sent as it is, rather than after asking the database what the parameter is.
     */
    private record Statement(String sql, int... types) {}

    /** A transaction's writes not yet sent, and the sagas they are of. */
    private static final class Writes {

        final Set<String> sagas = new HashSet<>();
        final List<Object[]> sagasInserted = new ArrayList<>();
        final List<Object[]> sagasUpdated = new ArrayList<>();
        final List<Object[]> sagasDeleted = new ArrayList<>();
        final List<Object[]> associationsInserted = new ArrayList<>();
        final List<Object[]> associationsDeleted = new ArrayList<>();

        void clear() {
            sagas.clear();
            sagasInserted.clear();
            sagasUpdated.clear();
            sagasDeleted.clear();
            associationsInserted.clear();
            associationsDeleted.clear();
        }
    }
}
