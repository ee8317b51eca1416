package io.ticketing.query.projection;

import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.query.api.ShowStats;
import io.ticketing.support.persistence.ColumnText;
import io.ticketing.support.persistence.ProjectionRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "show_view")
class ShowView extends ProjectionRow {

    @Id
    private UUID showId;

    private String name;
    private String venue;
    private Instant startsAt;
    private int capacity;
    private int seatsLeft;
    private BigDecimal ticketPrice;
    private String currency;
    private BigDecimal revenue;

    protected ShowView() {}

    @Override
    public UUID getId() {
        return showId;
    }

    ShowView(
            UUID showId,
            String name,
            String venue,
            Instant startsAt,
            int capacity,
            BigDecimal ticketPrice,
            String currency) {
        this.showId = showId;
        this.name = ColumnText.fit(name, TextLimits.NAME);
        this.venue = ColumnText.fit(venue, TextLimits.NAME);
        this.startsAt = startsAt;
        this.capacity = capacity;
        this.seatsLeft = capacity;
        this.ticketPrice = ticketPrice;
        this.currency = currency;
        this.revenue = BigDecimal.ZERO;
    }

    void seatsChanged(int left) {
        seatsLeft = left;
    }

    void paid(BigDecimal amount) {
        revenue = revenue.add(amount);
    }

    void refunded(BigDecimal amount) {
        revenue = revenue.subtract(amount);
    }

    String name() {
        return name;
    }

    ShowStats stats() {
        return new ShowStats(
                showId, name, venue, startsAt, capacity, capacity - seatsLeft, seatsLeft, revenue, currency);
    }
}
