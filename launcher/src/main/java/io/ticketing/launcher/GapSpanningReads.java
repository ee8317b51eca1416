package io.ticketing.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The event store's reads of the stream after a token, each a batch of events from the first one stored beyond the
 * token, however many global indexes lie unused before it.
 * <p>
 * Axon's own reads take the batch's width of indexes right after the token. A gap wider than that (more indexes
 * burnt by rolled-back appends than a batch holds) would make every read come back empty, so after each empty read
 * Axon asks for the lowest index beyond the token and reads again from there. The event store's reader then read
 * after every commit until a read found nothing, so most of its reads were empty, and each of those cost that second
 * statement. Here the same statement finds the first index beyond the token, and the engine's extra query is off:
 * an empty read is one round trip, and a wide gap is crossed in the read that meets it.
 * <p>
 * The window is as wide as Axon's: with no gap after the token, a read covers exactly the indexes Axon's would.
 */
final class GapSpanningReads {

    private GapSpanningReads() {}

    static PreparedStatement withoutGaps(Connection connection, EventSchema schema, long globalIndex, int batchSize)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(select(schema, ""));
        bindWindow(statement, globalIndex, batchSize);
        return statement;
    }

    /** The same window, and the token's gaps besides, for events committed late into them. */
    static PreparedStatement withGaps(
            Connection connection, EventSchema schema, long globalIndex, int batchSize, List<Long> gaps)
            throws SQLException {
        String gapsIn = " OR " + schema.globalIndexColumn() + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")";
        PreparedStatement statement = connection.prepareStatement(select(schema, gapsIn));
        int next = bindWindow(statement, globalIndex, batchSize);
        for (Long gap : gaps) {
            statement.setLong(next++, gap);
        }
        return statement;
    }

    private static String select(EventSchema schema, String orAlso) {
        String index = schema.globalIndexColumn();
        return "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE (" + index + " > ? AND " + index + " < (SELECT min(" + index + ") FROM "
                + schema.domainEventTable() + " WHERE " + index + " > ?) + ?)" + orAlso
                + " ORDER BY " + index + " ASC";
    }

    /** Binds the token's index and the batch's width; returns the next parameter's position. */
    private static int bindWindow(PreparedStatement statement, long globalIndex, int batchSize) throws SQLException {
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex);
        statement.setLong(3, batchSize);
        return 4;
    }
}
