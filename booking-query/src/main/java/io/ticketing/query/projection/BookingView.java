package io.ticketing.query.projection;

import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.coreapi.privacy.PersonalData;
import io.ticketing.query.api.BookingSummary;
import io.ticketing.support.persistence.ColumnText;
import io.ticketing.support.persistence.ProjectionRow;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "booking_view")
class BookingView extends ProjectionRow {

    @Id
    private UUID bookingId;

    private UUID userId;
    private String userEmail;
    private UUID showId;
    private String showName;
    private int tickets;
    private BigDecimal amount;
    private String currency;

    @Enumerated(EnumType.STRING)
    private BookingStatus status;

    private String reason;
    private Instant placedAt;
    private Instant updatedAt;

    /**
     * The processor's position when the row last changed, which only grows in the order the processor sees events;
     * an event committed late, behind a gap, gets the higher position already passed, so watchers never miss it.
     */
    private long lastEventPosition;

    protected BookingView() {}

    @Override
    public UUID getId() {
        return bookingId;
    }

    BookingView(
            UUID bookingId,
            UUID userId,
            String userEmail,
            UUID showId,
            String showName,
            int tickets,
            Instant placedAt,
            long position) {
        this.bookingId = bookingId;
        this.userId = userId;
        this.userEmail = ColumnText.fit(userEmail, TextLimits.EMAIL);
        this.showId = showId;
        this.showName = ColumnText.fit(showName, TextLimits.NAME);
        this.tickets = tickets;
        this.status = BookingStatus.PENDING;
        this.placedAt = placedAt;
        this.updatedAt = placedAt;
        this.lastEventPosition = position;
    }

    void priced(BigDecimal price, String priceCurrency, Instant at, long position) {
        amount = price;
        currency = priceCurrency;
        changed(at, position);
    }

    void moved(BookingStatus newStatus, String why, Instant at, long position) {
        status = newStatus;
        reason = ColumnText.fit(why, TextLimits.REASON);
        changed(at, position);
    }

    void userErased(Instant at, long position) {
        userEmail = PersonalData.ERASED;
        changed(at, position);
    }

    private void changed(Instant at, long position) {
        updatedAt = at;
        lastEventPosition = position;
    }

    UUID showId() {
        return showId;
    }

    boolean isBy(UUID user) {
        return userId.equals(user);
    }

    String currency() {
        return currency;
    }

    BigDecimal amount() {
        return amount;
    }

    BookingSummary summary() {
        return new BookingSummary(
                bookingId,
                userId,
                userEmail,
                showId,
                showName,
                tickets,
                amount,
                currency,
                status,
                reason,
                placedAt,
                updatedAt,
                lastEventPosition);
    }
}
