package io.ticketing.coordinator.config;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The saga store of a coordinator that is the only one, asking the database which sagas an association leads to
 * only when one may. A booking's first event asks before its saga starts, and for a new booking the answer is none: a
 * statement a booking, on the thread every booking waits for. As the only writer of the saga tables, the coordinator
 * can count every association they hold: those of the sagas under way when it starts, those it inserts,
 * counted before their transaction commits, and those it removes, let go of once the removal has committed. What it
 * counts is never less than what the database holds, so a lookup it answers itself would have found nothing.
 * <p>
 * Counting, rather than keeping a set, lets two sagas share an association and lets one saga's removal not hide
 * another's insertion. An insertion rolled back stays counted: a lookup for it goes to the database, as without this
 * store.
 */
final class AssociationKnowingSagaStore<T> implements SagaStore<T> {

    private final SagaStore<T> stored;
    private final Serializer serializer;
    private final Map<String, Integer> counted;

    private AssociationKnowingSagaStore(SagaStore<T> stored, Serializer serializer, Map<String, Integer> counted) {
        this.stored = stored;
        this.serializer = serializer;
        this.counted = counted;
    }

    /**
     * The store in front of {@code stored}, counting the associations its tables hold now.
     *
     * @param serializer the one {@code stored} names saga types with
     * @param database   the saga tables' database
     * @param schema     their names
     */
    static <T> AssociationKnowingSagaStore<T> over(
            SagaStore<T> stored, Serializer serializer, JdbcTemplate database, SagaSchema schema) {
        Map<String, Integer> counted = new ConcurrentHashMap<>();
        database.query(
                "SELECT " + schema.sagaTypeColumn() + ", " + schema.associationKeyColumn() + ", "
                        + schema.associationValueColumn() + " FROM " + schema.associationValueEntryTable(),
                (RowCallbackHandler) row -> counted.merge(
                        keyOf(row.getString(1), new AssociationValue(row.getString(2), row.getString(3))),
                        1,
                        Integer::sum));
        return new AssociationKnowingSagaStore<>(stored, serializer, counted);
    }

    @Override
    public Set<String> findSagas(Class<? extends T> sagaType, AssociationValue associationValue) {
        // A set of its own: the caching store above adds the sagas that start to the set it is given.
        return counted.containsKey(keyOf(sagaTypeName(sagaType), associationValue))
                ? stored.findSagas(sagaType, associationValue)
                : new HashSet<>();
    }

    @Override
    public <S extends T> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        return stored.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void insertSaga(
            Class<? extends T> sagaType, String sagaIdentifier, T saga, Set<AssociationValue> associationValues) {
        count(sagaType, associationValues);
        stored.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(
            Class<? extends T> sagaType, String sagaIdentifier, T saga, AssociationValues associationValues) {
        // Copied: the repository empties both once the saga is stored.
        Set<AssociationValue> added = Set.copyOf(associationValues.addedAssociations());
        Set<AssociationValue> removed = Set.copyOf(associationValues.removedAssociations());
        count(sagaType, added);
        stored.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
        uncountOnceCommitted(sagaType, removed);
    }

    @Override
    public void deleteSaga(
            Class<? extends T> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        stored.deleteSaga(sagaType, sagaIdentifier, associationValues);
        uncountOnceCommitted(sagaType, Set.copyOf(associationValues));
    }

    private void count(Class<? extends T> sagaType, Set<AssociationValue> associationValues) {
        String typeName = sagaTypeName(sagaType);
        for (AssociationValue associationValue : associationValues) {
            counted.merge(keyOf(typeName, associationValue), 1, Integer::sum);
        }
    }

    private void uncountOnceCommitted(Class<? extends T> sagaType, Set<AssociationValue> associationValues) {
        if (associationValues.isEmpty()) {
            return;
        }
        String typeName = sagaTypeName(sagaType);
        Runnable uncount = () -> {
            for (AssociationValue associationValue : associationValues) {
                counted.computeIfPresent(
                        keyOf(typeName, associationValue), (key, count) -> count > 1 ? count - 1 : null);
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(committed -> uncount.run());
        } else {
            uncount.run();
        }
    }

    private String sagaTypeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }

    private static String keyOf(String sagaTypeName, AssociationValue associationValue) {
        return sagaTypeName + '\u0000' + associationValue.getKey() + '\u0000' + associationValue.getValue();
    }
}
