package io.ticketing.support.persistence;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction gathers while it handles a batch of events, written by that transaction just before
 * it commits: once a batch, however many of its events add to it. A transaction that rolls back drops it unwritten,
 * so a batch delivered again starts from nothing.
 *
 * @param <T> what is gathered
 */
public final class WrittenBeforeCommit<T> {

    private final Supplier<T> empty;
    private final Consumer<T> write;

    public WrittenBeforeCommit(Supplier<T> empty, Consumer<T> write) {
        this.empty = empty;
        this.write = write;
    }

    /** This transaction's, created with its first use. */
    public T get() {
        @SuppressWarnings("unchecked")
        T gathered = (T) TransactionSynchronizationManager.getResource(this);
        if (gathered != null) {
            return gathered;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Only a transaction gathers what it writes before it commits");
        }
        T created = empty.get();
        TransactionSynchronizationManager.bindResource(this, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                write.accept(created);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResource(WrittenBeforeCommit.this);
            }
        });
        return created;
    }
}
