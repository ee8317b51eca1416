package io.ticketing.coordinator.config;

import java.util.Set;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.CachingSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;

/**
 * Axon's caching saga store, for a coordinator that is the only one: the sagas it stored or read, and the sagas each
 * association led to, are kept in memory, so that an event for a saga under way costs no read of it. Only a sole
 * coordinator may keep them. Another one would change sagas this one holds (its deadlines fire wherever
 * db-scheduler runs them), and nothing would tell this one.
 * <p>
 * Axon's store hands out the saga it holds, which the handler then changes, and changes its caches as the unit of
 * work stores the sagas, before the transaction commits. A unit of work that rolls back would leave changes the
 * database never took. So when one that loaded, stored or deleted a saga rolls back, both caches are emptied, and the
 * next event reads what the database holds (a lookup alone caches only what the database held). Rollbacks are
 * failures, rare enough to pay that.
 */
final class SoleCoordinatorSagaStore<T> extends CachingSagaStore<T> {

    private static final String EMPTIED_ON_ROLLBACK = SoleCoordinatorSagaStore.class.getName() + ".emptiedOnRollback";

    private final Cache sagas;
    private final Cache associations;

    SoleCoordinatorSagaStore(SagaStore<T> stored, Cache sagas, Cache associations) {
        super(CachingSagaStore.<T>builder()
                .delegateSagaStore(stored)
                .sagaCache(sagas)
                .associationsCache(associations));
        this.sagas = sagas;
        this.associations = associations;
    }

    @Override
    public <S extends T> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        emptyTheCachesIfRolledBack();
        return super.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void insertSaga(
            Class<? extends T> sagaType, String sagaIdentifier, T saga, Set<AssociationValue> associationValues) {
        emptyTheCachesIfRolledBack();
        super.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(
            Class<? extends T> sagaType, String sagaIdentifier, T saga, AssociationValues associationValues) {
        emptyTheCachesIfRolledBack();
        super.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void deleteSaga(
            Class<? extends T> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        emptyTheCachesIfRolledBack();
        super.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    private void emptyTheCachesIfRolledBack() {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().getOrComputeResource(EMPTIED_ON_ROLLBACK, key -> {
            unitOfWork.root().onRollback(rolledBack -> {
                sagas.removeAll();
                associations.removeAll();
            });
            return Boolean.TRUE;
        }));
    }
}
