package io.ticketing.query.projection;

import io.ticketing.query.api.DashboardSummary;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Day-by-day counters, kept with SQL upserts rather than entities: a counter is one statement that cannot lose a
 * concurrent increment, in the same transaction as the processor's token.
 */
@Component
class DailyTotals {

    enum Counter {
        PLACED("placed"), CONFIRMED("confirmed"), REJECTED("rejected"), CANCELLED("cancelled"), REFUNDED("refunded");

        private final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    private final JdbcTemplate jdbc;

    DailyTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void count(Counter counter, Instant at) {
        // The column name comes from the enum, never from input.
        jdbc.update("INSERT INTO daily_booking_counts (day, " + counter.column + ") VALUES (?, 1) "
                + "ON CONFLICT (day) DO UPDATE SET " + counter.column + " = daily_booking_counts." + counter.column
                + " + 1", day(at));
    }

    void addRevenue(Instant at, String currency, BigDecimal amount) {
        jdbc.update("INSERT INTO daily_revenue (day, currency, amount) VALUES (?, ?, ?) "
                + "ON CONFLICT (day, currency) DO UPDATE SET amount = daily_revenue.amount + EXCLUDED.amount",
                day(at), currency, amount);
    }

    Map<String, BigDecimal> revenueByCurrency() {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        jdbc.query("SELECT currency, sum(amount) FROM daily_revenue GROUP BY currency",
                row -> {
                    revenue.put(row.getString(1), row.getBigDecimal(2));
                });
        return revenue;
    }

    List<DashboardSummary.Day> lastDays(int days, LocalDate today) {
        Date since = Date.valueOf(today.minusDays(days - 1L));
        Map<LocalDate, Map<String, BigDecimal>> revenue = new HashMap<>();
        jdbc.query("SELECT day, currency, amount FROM daily_revenue WHERE day >= ?", row -> {
            revenue.computeIfAbsent(row.getDate(1).toLocalDate(), day -> new TreeMap<>())
                    .put(row.getString(2), row.getBigDecimal(3));
        }, since);
        List<DashboardSummary.Day> result = new ArrayList<>();
        jdbc.query("SELECT day, placed, confirmed, rejected, cancelled, refunded FROM daily_booking_counts "
                + "WHERE day >= ? ORDER BY day", row -> {
            LocalDate day = row.getDate(1).toLocalDate();
            result.add(new DashboardSummary.Day(day, row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5),
                    row.getInt(6), revenue.getOrDefault(day, Map.of())));
        }, since);
        return result;
    }

    void clear() {
        jdbc.update("DELETE FROM daily_booking_counts");
        jdbc.update("DELETE FROM daily_revenue");
    }

    private static Date day(Instant at) {
        return Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
