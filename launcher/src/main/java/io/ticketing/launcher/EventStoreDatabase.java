package io.ticketing.launcher;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The {@code eventstore} database's pool, in a holder rather than as a {@link DataSource} bean: a DataSource in the
 * parent context would stop every service from creating its own.
 */
record EventStoreDatabase(HikariDataSource pool) implements AutoCloseable {

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
