package io.ticketing.query.projection;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingEvent;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.BookingRefunded;
import io.ticketing.coreapi.booking.BookingRejected;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.show.SeatsReleased;
import io.ticketing.coreapi.show.SeatsReserved;
import io.ticketing.coreapi.show.ShowCreated;
import io.ticketing.coreapi.user.UserEmailChanged;
import io.ticketing.coreapi.user.UserErased;
import io.ticketing.coreapi.user.UserRegistered;
import io.ticketing.query.api.BookingPage;
import io.ticketing.query.api.BookingSummary;
import io.ticketing.query.api.DashboardSummary;
import io.ticketing.query.api.FindBooking;
import io.ticketing.query.api.FindBookings;
import io.ticketing.query.api.FindDashboardSummary;
import io.ticketing.query.api.FindShowStats;
import io.ticketing.query.api.ShowStats;
import io.ticketing.query.api.WatchBookings;
import io.ticketing.query.projection.DailyTotals.Counter;
import io.ticketing.support.persistence.WrittenBeforeCommit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.hibernate.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Bookings, shows and daily totals as dashboards show them, and live updates of every booking that changes. The
 * tables and this processor's token share one database and one transaction, so an event is applied exactly once
 * even when it is delivered again: totals may simply add up. Updates go out after the transaction commits.
 * <p>
 * Events find their rows through the entity manager, not the repositories: a repository call passes Spring Data's
 * proxy, its transaction interceptor and its invocation listeners first, which took twice the CPU of the lookups
 * themselves in a profile at 100 bookings a second (docs/benchmarks.md, thirtieth round).
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
public class DashboardProjection {

    public static final String PROCESSING_GROUP = "dashboards";

    private final EntityManager entities;
    private final UserContactRepository contacts;
    private final ShowViewRepository shows;
    private final BookingViewRepository bookings;
    private final DailyTotals totals;
    private final Clock clock;
    private final Consumer<BookingSummary> changed;
    private final WrittenBeforeCommit<Map<UUID, BookingView>> placedInThisBatch;

    @Autowired
    DashboardProjection(
            EntityManager entities,
            UserContactRepository contacts,
            ShowViewRepository shows,
            BookingViewRepository bookings,
            DailyTotals totals,
            Clock clock,
            QueryUpdateEmitter updates) {
        this(entities, contacts, shows, bookings, totals, clock, summary -> {
            updates.emit(FindBooking.class, query -> query.bookingId().equals(summary.bookingId()), summary);
            updates.emit(WatchBookings.class, query -> query.covers(summary), summary);
        });
    }

    private DashboardProjection(
            EntityManager entities,
            UserContactRepository contacts,
            ShowViewRepository shows,
            BookingViewRepository bookings,
            DailyTotals totals,
            Clock clock,
            Consumer<BookingSummary> changed) {
        this.entities = entities;
        this.contacts = contacts;
        this.shows = shows;
        this.bookings = bookings;
        this.totals = totals;
        this.clock = clock;
        this.changed = changed;
        this.placedInThisBatch = new WrittenBeforeCommit<>(HashMap::new, placed -> bookings.saveAll(placed.values()));
    }

    /**
     * The same tables, without live updates: nobody watches a rebuild, and an update costs even then (inside a unit
     * of work each one reads its event's metadata for correlation).
     */
    static DashboardProjection withoutUpdates(
            EntityManager entities,
            UserContactRepository contacts,
            ShowViewRepository shows,
            BookingViewRepository bookings,
            DailyTotals totals,
            Clock clock) {
        return new DashboardProjection(entities, contacts, shows, bookings, totals, clock, summary -> {});
    }

    @EventHandler
    void on(UserRegistered event) {
        contacts.save(new UserContact(event.userId().value(), event.email()));
    }

    @EventHandler
    void on(UserEmailChanged event) {
        found(UserContact.class, event.userId().value()).ifPresent(contact -> contact.emailChanged(event.email()));
    }

    /** The erased user's address goes from their contact and from every booking of theirs; the bookings stay. */
    @EventHandler
    void on(UserErased event, @Timestamp Instant at, TrackingToken token) {
        UUID userId = event.userId().value();
        found(UserContact.class, userId).ifPresent(UserContact::erased);
        Stream.concat(
                        bookings.findByUserId(userId).stream(),
                        placedInThisBatch.get().values().stream().filter(booking -> booking.isBy(userId)))
                .forEach(booking -> {
                    booking.userErased(at, position(token));
                    publish(booking);
                });
    }

    @EventHandler
    void on(ShowCreated event) {
        shows.save(new ShowView(
                event.showId().value(),
                event.name(),
                event.venue(),
                event.startsAt(),
                event.capacity(),
                event.ticketPrice().amount(),
                event.ticketPrice().currency().getCurrencyCode()));
    }

    /**
     * The new booking is stored when the batch commits, not now: its later events in the same batch (in a rebuild,
     * nearly all of them) change it before it is written, and it is written once, as it stands then. Stored at once,
     * it would be inserted as placed and then updated, every index of the row included, as its status moved on.
     */
    @EventHandler
    void on(BookingPlaced event, @Timestamp Instant at, TrackingToken token) {
        String email = found(UserContact.class, event.userId().value())
                .map(UserContact::email)
                .orElse(null);
        String showName = found(ShowView.class, event.showId().value())
                .map(ShowView::name)
                .orElse(null);
        BookingView booking = new BookingView(
                event.bookingId().value(),
                event.userId().value(),
                email,
                event.showId().value(),
                showName,
                event.tickets(),
                at,
                position(token));
        placedInThisBatch.get().put(booking.getId(), booking);
        totals.count(Counter.PLACED, at);
        publish(booking);
    }

    @EventHandler
    void on(SeatsReserved event, @Timestamp Instant at, TrackingToken token) {
        show(event.showId().value(), show -> show.seatsChanged(event.seatsLeft()));
        booking(
                event.bookingId().value(),
                booking -> booking.priced(
                        event.totalPrice().amount(),
                        event.totalPrice().currency().getCurrencyCode(),
                        at,
                        position(token)));
    }

    @EventHandler
    void on(SeatsReleased event) {
        show(event.showId().value(), show -> show.seatsChanged(event.seatsLeft()));
    }

    @EventHandler
    void on(BookingConfirmed event, @Timestamp Instant at, TrackingToken token) {
        booking(event.bookingId().value(), booking -> {
            booking.moved(BookingStatus.after(event), null, at, position(token));
            show(booking.showId(), show -> show.paid(event.amountPaid().amount()));
        });
        totals.count(Counter.CONFIRMED, at);
        totals.addRevenue(
                at,
                event.amountPaid().currency().getCurrencyCode(),
                event.amountPaid().amount());
    }

    @EventHandler
    void on(BookingRejected event, @Timestamp Instant at, TrackingToken token) {
        booking(
                event.bookingId().value(),
                booking -> booking.moved(BookingStatus.after(event), event.reason(), at, position(token)));
        totals.count(Counter.REJECTED, at);
    }

    @EventHandler
    void on(BookingCancelled event, @Timestamp Instant at, TrackingToken token) {
        booking(
                event.bookingId().value(),
                booking -> booking.moved(BookingStatus.after(event), event.reason(), at, position(token)));
        totals.count(Counter.CANCELLED, at);
    }

    @EventHandler
    void on(BookingRefunded event, @Timestamp Instant at, TrackingToken token) {
        booking(event.bookingId().value(), booking -> {
            booking.moved(BookingStatus.after(event), "Refunded " + event.amountRefunded(), at, position(token));
            show(booking.showId(), show -> show.refunded(event.amountRefunded().amount()));
        });
        totals.count(Counter.REFUNDED, at);
        totals.addRevenue(
                at,
                event.amountRefunded().currency().getCurrencyCode(),
                event.amountRefunded().amount().negate());
    }

    /**
     * Loads what the batch's events will look up, the bookings they change, their shows and the placing users'
     * contacts, in three statements instead of a lookup an event: those lookups were the slowest part of a rebuild, and
     * a fifth of the live processor's time under load. The bookings placed in the batch itself are not stored yet.
     * <p>
     * Hibernate's multiple-id load binds the ids as one array ({@code = ANY(?)}), with SQL it made once for each
     * entity: a query with an {@code IN} list of many values is translated anew at every call (a quarter of this
     * processor's samples in a profile under load, docs/benchmarks.md, twenty-fifth round), and a repository's
     * native query is parsed and bound again through Spring Data's proxy each time.
     */
    void prefetchFor(List<? extends EventMessage<?>> batch) {
        Set<UUID> users = new HashSet<>();
        Set<UUID> showIds = new HashSet<>();
        Set<UUID> bookingIds = new HashSet<>();
        Set<UUID> placedInBatch = new HashSet<>();
        for (EventMessage<?> event : batch) {
            // The type is known without deserializing what this projection would skip anyway.
            Class<?> type = event.getPayloadType();
            if (type == BookingPlaced.class) {
                BookingPlaced placed = (BookingPlaced) event.getPayload();
                users.add(placed.userId().value());
                showIds.add(placed.showId().value());
                placedInBatch.add(placed.bookingId().value());
            } else if (type == SeatsReserved.class) {
                bookingIds.add(((SeatsReserved) event.getPayload()).bookingId().value());
            } else if (BookingEvent.class.isAssignableFrom(type)) {
                bookingIds.add(((BookingEvent) event.getPayload()).bookingId().value());
            }
        }
        bookingIds.removeAll(placedInBatch);
        loaded(BookingView.class, bookingIds).forEach(booking -> showIds.add(booking.showId()));
        loaded(UserContact.class, users);
        loaded(ShowView.class, showIds);
    }

    private <T> List<T> loaded(Class<T> type, Set<UUID> ids) {
        return ids.isEmpty()
                ? List.of()
                : entities.unwrap(Session.class)
                        .byMultipleIds(type)
                        .enableOrderedReturn(false)
                        .multiLoad(List.copyOf(ids));
    }

    /** A rebuild resets its processor's token to the first event: its tables start empty. */
    @ResetHandler
    void forgetEverything() {
        bookings.deleteAllInBatch();
        shows.deleteAllInBatch();
        contacts.deleteAllInBatch();
        totals.clear();
    }

    @QueryHandler
    Optional<BookingSummary> handle(FindBooking query) {
        return bookings.findById(query.bookingId()).map(BookingView::summary);
    }

    @QueryHandler
    BookingPage handle(FindBookings query) {
        Page<BookingView> page = bookings.findAll(
                matching(query), PageRequest.of(query.page(), query.size(), Sort.by(Sort.Direction.DESC, "placedAt")));
        return new BookingPage(
                page.map(BookingView::summary).getContent(), query.page(), query.size(), page.getTotalElements());
    }

    @QueryHandler
    Optional<ShowStats> handle(FindShowStats query) {
        return shows.findById(query.showId()).map(ShowView::stats);
    }

    @QueryHandler
    DashboardSummary handle(FindDashboardSummary query) {
        Map<String, Long> byStatus = new TreeMap<>();
        bookings.countByStatus().forEach(row -> byStatus.put(row[0].toString(), (Long) row[1]));
        return new DashboardSummary(
                byStatus, totals.revenueByCurrency(), totals.lastDays(query.days(), LocalDate.now(clock)));
    }

    /**
     * The bookings that changed after the watcher's position, the first thousand; what changes next reaches it as
     * updates. A watcher further behind than that reads the list first.
     */
    @QueryHandler
    List<BookingSummary> handle(WatchBookings query) {
        List<BookingView> changed = query.userId() == null
                ? bookings.findTop1000ByLastEventPositionGreaterThanOrderByLastEventPosition(query.afterPosition())
                : bookings.findTop1000ByUserIdAndLastEventPositionGreaterThanOrderByLastEventPosition(
                        query.userId(), query.afterPosition());
        return changed.stream().map(BookingView::summary).toList();
    }

    private static Specification<BookingView> matching(FindBookings query) {
        return (booking, criteria, builder) -> builder.and(Stream.of(
                        query.status() == null ? null : builder.equal(booking.get("status"), query.status()),
                        query.userId() == null ? null : builder.equal(booking.get("userId"), query.userId()),
                        query.showId() == null ? null : builder.equal(booking.get("showId"), query.showId()),
                        query.from() == null
                                ? null
                                : builder.greaterThanOrEqualTo(booking.<Instant>get("placedAt"), query.from()),
                        query.to() == null ? null : builder.lessThan(booking.<Instant>get("placedAt"), query.to()))
                .filter(Objects::nonNull)
                .toArray(Predicate[]::new));
    }

    private void booking(UUID bookingId, Consumer<BookingView> change) {
        Optional.ofNullable(placedInThisBatch.get().get(bookingId))
                .or(() -> found(BookingView.class, bookingId))
                .ifPresent(booking -> {
                    change.accept(booking);
                    publish(booking);
                });
    }

    private void publish(BookingView booking) {
        changed.accept(booking.summary());
    }

    private void show(UUID showId, Consumer<ShowView> change) {
        found(ShowView.class, showId).ifPresent(change);
    }

    private <T> Optional<T> found(Class<T> type, UUID id) {
        return Optional.ofNullable(entities.find(type, id));
    }

    private static long position(TrackingToken token) {
        return token.position().orElse(0L);
    }
}
