package io.ticketing.query.projection;

import io.ticketing.query.api.DashboardSummary;
import io.ticketing.support.persistence.WrittenBeforeCommit;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Day-by-day counters, kept with SQL upserts rather than entities: an upsert cannot lose a concurrent increment, and
 * runs in the same transaction as the processor's token. A transaction's increments are summed as its events are
 * handled and written once, just before it commits: one statement a day touched, not one an event, which is what
 * lets a rebuild go through thousands of events a transaction.
 */
@Component
class DailyTotals {

    /** Each counter is the column of its name. */
    enum Counter {
        PLACED,
        CONFIRMED,
        REJECTED,
        CANCELLED,
        REFUNDED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String COUNTS_UPSERT = "INSERT INTO daily_booking_counts (day, "
            + Arrays.stream(Counter.values()).map(Counter::column).collect(Collectors.joining(", "))
            + ") VALUES (?" + ", ?".repeat(Counter.values().length) + ") ON CONFLICT (day) DO UPDATE SET "
            + Arrays.stream(Counter.values())
                    .map(counter -> counter.column() + " = daily_booking_counts." + counter.column() + " + EXCLUDED."
                            + counter.column())
                    .collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final WrittenBeforeCommit<PendingIncrements> pending =
            new WrittenBeforeCommit<>(PendingIncrements::new, this::write);

    DailyTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void count(Counter counter, Instant at) {
        pending.get().counts.computeIfAbsent(day(at), day -> new int[Counter.values().length])[counter.ordinal()]++;
    }

    void addRevenue(Instant at, String currency, BigDecimal amount) {
        pending.get().revenue.merge(new DayAndCurrency(day(at), currency), amount, BigDecimal::add);
    }

    Map<String, BigDecimal> revenueByCurrency() {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        jdbc.query("SELECT currency, sum(amount) FROM daily_revenue GROUP BY currency", row -> {
            revenue.put(row.getString(1), row.getBigDecimal(2));
        });
        return revenue;
    }

    List<DashboardSummary.Day> lastDays(int days, LocalDate today) {
        Date since = Date.valueOf(today.minusDays(days - 1L));
        Map<LocalDate, Map<String, BigDecimal>> revenue = new HashMap<>();
        jdbc.query(
                "SELECT day, currency, amount FROM daily_revenue WHERE day >= ?",
                row -> {
                    revenue.computeIfAbsent(row.getDate(1).toLocalDate(), day -> new TreeMap<>())
                            .put(row.getString(2), row.getBigDecimal(3));
                },
                since);
        List<DashboardSummary.Day> result = new ArrayList<>();
        jdbc.query(
                "SELECT day, placed, confirmed, rejected, cancelled, refunded FROM daily_booking_counts "
                        + "WHERE day >= ? ORDER BY day",
                row -> {
                    LocalDate day = row.getDate(1).toLocalDate();
                    result.add(new DashboardSummary.Day(
                            day,
                            row.getInt(2),
                            row.getInt(3),
                            row.getInt(4),
                            row.getInt(5),
                            row.getInt(6),
                            revenue.getOrDefault(day, Map.of())));
                },
                since);
        return result;
    }

    void clear() {
        jdbc.update("DELETE FROM daily_booking_counts");
        jdbc.update("DELETE FROM daily_revenue");
    }

    private void write(PendingIncrements pending) {
        jdbc.batchUpdate(
                COUNTS_UPSERT,
                pending.counts.entrySet().stream()
                        .map(day -> Stream.concat(
                                        Stream.of(day.getKey()),
                                        Arrays.stream(day.getValue()).boxed())
                                .toArray())
                        .toList());
        jdbc.batchUpdate(
                "INSERT INTO daily_revenue (day, currency, amount) VALUES (?, ?, ?) "
                        + "ON CONFLICT (day, currency) DO UPDATE SET amount = daily_revenue.amount + EXCLUDED.amount",
                pending.revenue.entrySet().stream()
                        .map(sum ->
                                new Object[] {sum.getKey().day(), sum.getKey().currency(), sum.getValue()})
                        .toList());
    }

    private static Date day(Instant at) {
        return Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    private record DayAndCurrency(Date day, String currency) {}

    private static final class PendingIncrements {
        private final Map<Date, int[]> counts = new HashMap<>();
        private final Map<DayAndCurrency, BigDecimal> revenue = new HashMap<>();
    }
}
