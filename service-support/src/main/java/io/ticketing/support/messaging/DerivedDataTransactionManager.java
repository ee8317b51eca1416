package io.ticketing.support.messaging;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of the event processors: what they write (projections, saga state and deadlines, dead letters)
 * can be recomputed from the event stream, and their tokens commit with it, so a crash can lose the last fraction of
 * a second of them but never half of one: the processors then handle those events again, and every handler is
 * idempotent. Such a commit need not wait for the disk ({@code synchronous_commit} off for that transaction
 * alone), which spares a flush per batch per processor. The event store and every command's own writes (unique
 * e-mail addresses, for one) keep waiting for theirs.
 */
class DerivedDataTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    DerivedDataTransactionManager(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        // On the connection the transaction just bound; SET LOCAL ends with it.
        jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        return transaction;
    }
}
