package io.ticketing.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import io.ticketing.query.api.DashboardSummary;
import io.ticketing.query.projection.DailyTotals.Counter;
import io.ticketing.support.test.ProjectionTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ProjectionTest
@Import(DailyTotals.class)
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/booking-query")
class DailyTotalsTest {

    private static final LocalDate MARCH_FIRST = LocalDate.parse("2026-03-01");

    @Autowired
    private DailyTotals totals;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private TransactionTemplate transactions;

    @BeforeEach
    void startFromNoTotals() {
        transactions = new TransactionTemplate(transactionManager);
        totals.clear();
    }

    @Test
    void aDayIsAUtcDayWhateverTheTimeZoneOfTheBooking() {
        // 23:59:59.999 UTC is already the next day in Berlin; 00:00 UTC is still the day before in New York.
        transactions.executeWithoutResult(transaction -> {
            totals.count(Counter.PLACED, Instant.parse("2026-03-01T23:59:59.999Z"));
            totals.count(Counter.PLACED, Instant.parse("2026-03-02T00:00:00Z"));
            totals.count(Counter.CONFIRMED, Instant.parse("2026-03-02T00:00:00Z"));
        });

        assertThat(totals.lastDays(2, MARCH_FIRST.plusDays(1)))
                .extracting(DashboardSummary.Day::day, DashboardSummary.Day::placed, DashboardSummary.Day::confirmed)
                .containsExactly(tuple(MARCH_FIRST, 1, 0), tuple(MARCH_FIRST.plusDays(1), 1, 1));
    }

    @Test
    void theLastDaysEndTodayOldestFirstAndLeaveOutDaysWithoutBookings() {
        transactions.executeWithoutResult(transaction -> {
            totals.count(Counter.PLACED, Instant.parse("2026-02-26T12:00:00Z"));
            totals.count(Counter.REJECTED, Instant.parse("2026-03-01T12:00:00Z"));
            totals.count(Counter.CANCELLED, Instant.parse("2026-02-27T12:00:00Z"));
        });

        assertThat(totals.lastDays(3, MARCH_FIRST))
                .extracting(DashboardSummary.Day::day)
                .containsExactly(LocalDate.parse("2026-02-27"), MARCH_FIRST);
        assertThat(totals.lastDays(1, MARCH_FIRST))
                .singleElement()
                .satisfies(day -> assertThat(day.rejected()).isEqualTo(1));
    }

    @Test
    void eachTransactionAddsToWhatTheEarlierOnesCounted() {
        Instant noon = Instant.parse("2026-03-01T12:00:00Z");
        transactions.executeWithoutResult(transaction -> {
            totals.count(Counter.PLACED, noon);
            totals.count(Counter.PLACED, noon);
        });
        transactions.executeWithoutResult(transaction -> {
            totals.count(Counter.PLACED, noon);
            totals.count(Counter.REFUNDED, noon);
        });

        assertThat(totals.lastDays(1, MARCH_FIRST)).singleElement().satisfies(day -> {
            assertThat(day.placed()).isEqualTo(3);
            assertThat(day.refunded()).isEqualTo(1);
        });
    }

    @Test
    void revenueIsKeptByDayAndCurrencyNetOfRefundsAndNeverAddedAcrossCurrencies() {
        transactions.executeWithoutResult(transaction -> {
            totals.addRevenue(Instant.parse("2026-02-28T10:00:00Z"), "EUR", new BigDecimal("50.00"));
            totals.addRevenue(Instant.parse("2026-03-01T10:00:00Z"), "EUR", new BigDecimal("20.00"));
            totals.addRevenue(Instant.parse("2026-03-01T11:00:00Z"), "EUR", new BigDecimal("-50.00"));
            totals.addRevenue(Instant.parse("2026-03-01T12:00:00Z"), "USD", new BigDecimal("30.00"));
            totals.count(Counter.CONFIRMED, Instant.parse("2026-03-01T12:00:00Z"));
        });

        assertThat(totals.revenueByCurrency()).hasSize(2);
        assertThat(totals.revenueByCurrency().get("EUR")).isEqualByComparingTo("20.00");
        assertThat(totals.revenueByCurrency().get("USD")).isEqualByComparingTo("30.00");
        assertThat(totals.lastDays(1, MARCH_FIRST)).singleElement().satisfies(day -> {
            assertThat(day.revenue().get("EUR")).isEqualByComparingTo("-30.00");
            assertThat(day.revenue().get("USD")).isEqualByComparingTo("30.00");
        });
    }

    @Test
    void aTransactionThatRollsBackCountsNothing() {
        transactions.executeWithoutResult(transaction -> {
            totals.count(Counter.PLACED, Instant.parse("2026-03-01T12:00:00Z"));
            totals.addRevenue(Instant.parse("2026-03-01T12:00:00Z"), "EUR", BigDecimal.TEN);
            transaction.setRollbackOnly();
        });

        assertThat(totals.lastDays(1, MARCH_FIRST)).isEmpty();
        assertThat(totals.revenueByCurrency()).isEmpty();
    }

    @Test
    void nothingIsCountedOutsideATransaction() {
        assertThatIllegalStateException()
                .isThrownBy(() -> totals.count(Counter.PLACED, Instant.parse("2026-03-01T12:00:00Z")));
    }
}
