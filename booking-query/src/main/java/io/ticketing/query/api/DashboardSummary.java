package io.ticketing.query.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * @param bookingsByStatus how many bookings stand in each status now
 * @param revenue          revenue net of refunds, by currency
 * @param days             day by day, oldest first: what was placed, confirmed, rejected, cancelled and refunded, and
 *                         the revenue net of refunds
 */
public record DashboardSummary(Map<String, Long> bookingsByStatus, Map<String, BigDecimal> revenue, List<Day> days) {

    public record Day(
            LocalDate day,
            int placed,
            int confirmed,
            int rejected,
            int cancelled,
            int refunded,
            Map<String, BigDecimal> revenue) {}
}
