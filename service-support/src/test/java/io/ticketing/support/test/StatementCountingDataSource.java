package io.ticketing.support.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts the prepared statements it sends to the database: one for each execution, and one for
 * each batch, which the driver sends in one exchange. Such round trips are what a thread that waits for its
 * database pays for. It counts the commits asked of its connections apart.
 */
public final class StatementCountingDataSource extends DelegatingDataSource {

    private final AtomicInteger roundTrips = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();

    public StatementCountingDataSource(DataSource target) {
        super(target);
    }

    public int roundTrips() {
        return roundTrips.get();
    }

    public int commits() {
        return commits.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return proxy(Connection.class, (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                commits.incrementAndGet();
            }
            Object result = invoke(connection, method, args);
            return result instanceof PreparedStatement statement ? counted(statement) : result;
        });
    }

    private PreparedStatement counted(PreparedStatement statement) {
        return proxy(PreparedStatement.class, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                roundTrips.incrementAndGet();
            }
            return invoke(statement, method, args);
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
