package io.ticketing.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.ticketing.support.test.ProjectionTest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ProjectionTest
@ImportAutoConfiguration(LazyConnectionsAutoConfiguration.class)
class LazyConnectionsTest {

    /** A service with no entities of its own: the test writes with plain SQL. */
    @SpringBootApplication
    static class AService {}

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlatformTransactionManager jpaTransactions;

    private JdbcTemplate jdbc;
    private HikariPoolMXBean pool;

    @BeforeEach
    void createATable() throws SQLException {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS written (id int)");
        jdbc.execute("TRUNCATE written");
        pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
    }

    @Test
    void aTransactionTakesAConnectionAtItsFirstStatementAndCommitsWhatItWrote() {
        new TransactionTemplate(jpaTransactions).executeWithoutResult(transaction -> {
            assertThat(pool.getActiveConnections()).isZero();
            jdbc.update("INSERT INTO written VALUES (1)");
            assertThat(pool.getActiveConnections()).isOne();
        });

        assertThat(pool.getActiveConnections()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM written", Integer.class))
                .isOne();
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        new TransactionTemplate(jpaTransactions).executeWithoutResult(transaction -> {
            jdbc.update("INSERT INTO written VALUES (1)");
            transaction.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM written", Integer.class))
                .isZero();
    }
}
