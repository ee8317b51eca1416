package io.ticketing.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.BookingRefunded;
import io.ticketing.coreapi.booking.BookingRejected;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.PersonalData;
import io.ticketing.coreapi.show.SeatsReleased;
import io.ticketing.coreapi.show.SeatsReserved;
import io.ticketing.coreapi.show.ShowCreated;
import io.ticketing.coreapi.user.Role;
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
import io.ticketing.support.test.EventFeed;
import io.ticketing.support.test.ProjectionTest;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.hibernate.SessionFactory;
import org.hibernate.stat.EntityStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ProjectionTest
@Import({DashboardProjection.class, DailyTotals.class, DashboardProjectionTest.Updates.class})
@TestPropertySource(
        properties = {
            "spring.flyway.locations=classpath:db/booking-query",
            "spring.jpa.properties.hibernate.generate_statistics=true"
        })
class DashboardProjectionTest {

    private static final Instant PLACED_AT = Instant.parse("2026-03-01T00:00:01Z");

    /** The summary's last days end with the day of the bookings, whenever the test runs. */
    private static final Clock LATER_THAT_DAY = Clock.fixed(PLACED_AT.plus(18, ChronoUnit.HOURS), ZoneOffset.UTC);

    private static final Instant LATER = PLACED_AT.plusSeconds(5);
    private static final Money PRICE = Money.of("25.00", "EUR");
    private static final Money PAID = Money.of("50.00", "EUR");

    @Autowired
    private DashboardProjection projection;

    @Autowired
    private SimpleQueryUpdateEmitter updates;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private EntityManagerFactory entityManagers;

    private final UserId ada = new UserId(UUID.randomUUID());
    private final ShowId showId = new ShowId(UUID.randomUUID());
    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());
    private EventFeed feed;

    @BeforeEach
    void startFromEmptyDashboardsWithAUserAndAShow() {
        feed = new EventFeed(projection, transactionManager);
        feed.reset();
        feed.deliver(
                PLACED_AT.minusSeconds(60),
                new UserRegistered(ada, "ada@example.org", "Ada", Role.USER),
                new ShowCreated(showId, "Hamlet", "Globe", PLACED_AT.plus(30, ChronoUnit.DAYS), 100, PRICE));
    }

    @Test
    void aPlacedBookingIsPendingUnderItsUsersEmailAndItsShowsName() {
        TrackedEventMessage<?> placed = feed.event(placed(bookingId, ada, 2), PLACED_AT);
        feed.deliver(List.of(placed));

        BookingSummary booking = booking(bookingId);
        assertThat(booking.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(booking.userEmail()).isEqualTo("ada@example.org");
        assertThat(booking.showName()).isEqualTo("Hamlet");
        assertThat(booking.tickets()).isEqualTo(2);
        assertThat(booking.placedAt()).isEqualTo(PLACED_AT);
        assertThat(booking.position())
                .isEqualTo(placed.trackingToken().position().orElseThrow());
    }

    @Test
    void aBookingWhoseSeatsAreHeldHasItsPriceAndTheShowItsSeatsLeft() {
        feed.deliver(PLACED_AT, placed(bookingId, ada, 2));
        feed.deliver(LATER, new SeatsReserved(showId, bookingId, 2, PAID, 98));

        BookingSummary booking = booking(bookingId);
        assertThat(booking.amount()).isEqualByComparingTo("50.00");
        assertThat(booking.currency()).isEqualTo("EUR");
        assertThat(booking.updatedAt()).isEqualTo(LATER);
        assertThat(show().seatsSold()).isEqualTo(2);
        assertThat(show().seatsLeft()).isEqualTo(98);
    }

    @Test
    void aConfirmedBookingAddsWhatWasPaidToItsShowsRevenue() {
        confirmedBooking();

        assertThat(booking(bookingId).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking(bookingId).reason()).isNull();
        assertThat(show().revenue()).isEqualByComparingTo("50.00");
    }

    @Test
    void aRejectedBookingSaysWhy() {
        feed.deliver(PLACED_AT, placed(bookingId, ada, 2));
        feed.deliver(LATER, new BookingRejected(bookingId, "Card declined"));

        assertThat(booking(bookingId).status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(booking(bookingId).reason()).isEqualTo("Card declined");
    }

    @Test
    void aCancelledBookingIsRefundedOutOfItsShowsRevenueAndFreesItsSeats() {
        confirmedBooking();
        feed.deliver(
                LATER.plusSeconds(1), new BookingCancelled(bookingId, showId, ada, "Cannot come", paymentId, PAID));
        assertThat(booking(bookingId).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking(bookingId).reason()).isEqualTo("Cannot come");

        feed.deliver(
                LATER.plusSeconds(2),
                new SeatsReleased(showId, bookingId, 2, 100, "Cannot come"),
                new BookingRefunded(bookingId, PAID));

        assertThat(booking(bookingId).status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(booking(bookingId).reason()).isEqualTo("Refunded 50.00 EUR");
        assertThat(show().revenue()).isEqualByComparingTo("0");
        assertThat(show().seatsLeft()).isEqualTo(100);
    }

    @Test
    void anErasedUsersEmailIsGoneFromTheirBookingsAndFromThoseTheyPlaceLater() {
        feed.deliver(PLACED_AT, placed(bookingId, ada, 2));
        List<TrackedEventMessage<?>> erasure = feed.deliver(LATER, new UserErased(ada));
        BookingId later = new BookingId(UUID.randomUUID());
        feed.deliver(LATER.plusSeconds(1), placed(later, ada, 1));

        BookingSummary erased = booking(bookingId);
        assertThat(erased.userEmail()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.userId()).isEqualTo(ada.value());
        assertThat(erased.updatedAt()).isEqualTo(LATER);
        assertThat(erased.position())
                .isEqualTo(erasure.get(0).trackingToken().position().orElseThrow());
        assertThat(booking(later).userEmail()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void anErasureReachesTheBookingsPlacedInItsOwnBatch() {
        feed.deliver(PLACED_AT, placed(bookingId, ada, 2), new UserErased(ada));

        assertThat(booking(bookingId).userEmail()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void aNewEmailIsShownOnTheBookingsPlacedAfterTheChange() {
        feed.deliver(PLACED_AT, new UserEmailChanged(ada, "ada@example.org", "ada@example.com"));
        feed.deliver(LATER, placed(bookingId, ada, 1));

        assertThat(booking(bookingId).userEmail()).isEqualTo("ada@example.com");
    }

    @Test
    void bookingsAreFoundByStatusUserShowAndTimePlacedNewestFirstAPageAtATime() {
        UserId bob = new UserId(UUID.randomUUID());
        BookingId second = new BookingId(UUID.randomUUID());
        BookingId bobs = new BookingId(UUID.randomUUID());
        feed.deliver(PLACED_AT, placed(bookingId, ada, 2));
        feed.deliver(PLACED_AT.plusSeconds(1), placed(second, ada, 1));
        feed.deliver(PLACED_AT.plusSeconds(2), placed(bobs, bob, 3));
        feed.deliver(LATER, new BookingRejected(second, "Sold out"));

        assertThat(ids(projection.handle(new FindBookings(null, null, null, null, null, 0, 10))))
                .containsExactly(bobs.value(), second.value(), bookingId.value());
        assertThat(ids(projection.handle(
                        new FindBookings(BookingStatus.PENDING, ada.value(), showId.value(), null, null, 0, 10))))
                .containsExactly(bookingId.value());
        assertThat(ids(projection.handle(
                        new FindBookings(null, null, null, PLACED_AT.plusSeconds(1), PLACED_AT.plusSeconds(2), 0, 10))))
                .containsExactly(second.value());
        BookingPage secondPage = projection.handle(new FindBookings(null, null, null, null, null, 1, 2));
        assertThat(ids(secondPage)).containsExactly(bookingId.value());
        assertThat(secondPage.totalItems()).isEqualTo(3);
    }

    @Test
    void aWatcherCatchesUpOnTheBookingsThatChangedAfterItsPositionInStreamOrder() {
        UserId bob = new UserId(UUID.randomUUID());
        BookingId bobs = new BookingId(UUID.randomUUID());
        List<TrackedEventMessage<?>> first = feed.deliver(PLACED_AT, placed(bookingId, ada, 2));
        feed.deliver(PLACED_AT.plusSeconds(1), placed(bobs, bob, 3));
        feed.deliver(LATER, new BookingRejected(bookingId, "Sold out"));
        long seen = first.get(0).trackingToken().position().orElseThrow();

        assertThat(projection.handle(new WatchBookings(null, seen)))
                .extracting(BookingSummary::bookingId)
                .containsExactly(bobs.value(), bookingId.value());
        assertThat(projection.handle(new WatchBookings(bob.value(), seen)))
                .extracting(BookingSummary::bookingId)
                .containsExactly(bobs.value());
        assertThat(projection.handle(new WatchBookings(null, Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void whoeverFollowsABookingHearsOfEachOfItsChanges() {
        List<BookingSummary> heard = new CopyOnWriteArrayList<>();
        var subscription = new GenericSubscriptionQueryMessage<>(
                new FindBooking(bookingId.value()),
                ResponseTypes.optionalInstanceOf(BookingSummary.class),
                ResponseTypes.instanceOf(BookingSummary.class));
        updates.<BookingSummary>registerUpdateHandler(subscription, 16)
                .getUpdates()
                .map(Message::getPayload)
                .subscribe(heard::add);

        feed.deliver(PLACED_AT, placed(bookingId, ada, 2), placed(new BookingId(UUID.randomUUID()), ada, 1));
        feed.deliver(LATER, new BookingRejected(bookingId, "Sold out"));

        assertThat(heard)
                .extracting(BookingSummary::status)
                .containsExactly(BookingStatus.PENDING, BookingStatus.REJECTED);
    }

    @Test
    void theSummaryCountsBookingsByStatusAndRevenueByCurrencyNetOfRefunds() {
        confirmedBooking();
        BookingId refunded = new BookingId(UUID.randomUUID());
        BookingId inDollars = new BookingId(UUID.randomUUID());
        feed.deliver(PLACED_AT, placed(refunded, ada, 1), placed(inDollars, ada, 1));
        feed.deliver(
                LATER,
                new BookingConfirmed(refunded, new PaymentId(UUID.randomUUID()), PRICE),
                new BookingConfirmed(inDollars, new PaymentId(UUID.randomUUID()), Money.of("30.00", "USD")),
                new BookingCancelled(refunded, showId, ada, "Ill", paymentId, PRICE),
                new BookingRefunded(refunded, PRICE));

        DashboardSummary summary = projection.handle(new FindDashboardSummary(7));

        assertThat(summary.bookingsByStatus()).containsOnly(entry("CONFIRMED", 2L), entry("REFUNDED", 1L));
        assertThat(summary.revenue()).hasSize(2);
        assertThat(summary.revenue().get("EUR")).isEqualByComparingTo("50.00");
        assertThat(summary.revenue().get("USD")).isEqualByComparingTo("30.00");
        assertThat(summary.days()).singleElement().satisfies(day -> {
            assertThat(day.placed()).isEqualTo(3);
            assertThat(day.confirmed()).isEqualTo(3);
            assertThat(day.cancelled()).isEqualTo(1);
            assertThat(day.refunded()).isEqualTo(1);
        });
    }

    @Test
    void aBatchThatRollsBackLeavesNothingBehindAndCountsOnceWhenDeliveredAgain() {
        List<TrackedEventMessage<?>> batch = List.of(
                feed.event(placed(bookingId, ada, 2), PLACED_AT),
                feed.event(new BookingConfirmed(bookingId, paymentId, PAID), LATER));

        feed.deliverAndRollBack(batch);
        assertThat(projection.handle(new FindBooking(bookingId.value()))).isEmpty();
        assertThat(projection.handle(new FindDashboardSummary(1)).days()).isEmpty();

        feed.deliver(batch);
        DashboardSummary summary = projection.handle(new FindDashboardSummary(1));
        assertThat(summary.days()).singleElement().satisfies(day -> {
            assertThat(day.placed()).isEqualTo(1);
            assertThat(day.confirmed()).isEqualTo(1);
        });
        assertThat(summary.revenue().get("EUR")).isEqualByComparingTo("50.00");
        assertThat(show().revenue()).isEqualByComparingTo("50.00");
    }

    @Test
    void aReplayStartsFromEmptyDashboards() {
        confirmedBooking();

        feed.reset();

        assertThat(projection.handle(new FindBooking(bookingId.value()))).isEmpty();
        assertThat(projection.handle(new FindShowStats(showId.value()))).isEmpty();
        DashboardSummary summary = projection.handle(new FindDashboardSummary(7));
        assertThat(summary.bookingsByStatus()).isEmpty();
        assertThat(summary.revenue()).isEmpty();
        assertThat(summary.days()).isEmpty();
    }

    /**
     * What a batch's events look up is loaded before its first event, in one statement a table, however many they
     * are.
     */
    @Test
    void aBatchLooksUpItsBookingsAndTheirShowsBeforeItsFirstEvent() {
        List<BookingId> placed = List.of(bookingId, new BookingId(UUID.randomUUID()), new BookingId(UUID.randomUUID()));
        feed.deliver(PLACED_AT, placed.stream().map(id -> placed(id, ada, 1)).toArray());
        List<TrackedEventMessage<?>> batch = placed.stream()
                .flatMap(id -> Stream.of(
                        new SeatsReserved(showId, id, 1, PRICE, 97), new BookingConfirmed(id, paymentId, PRICE)))
                .<TrackedEventMessage<?>>map(event -> feed.event(event, LATER))
                .toList();
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        long[] prefetchStatements = new long[1];

        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            projection.prefetchFor(batch);
            prefetchStatements[0] = statistics.getPrepareStatementCount();
            feed.deliver(batch);
        });

        assertThat(prefetchStatements[0]).as("statements of the prefetch").isEqualTo(2);
        assertThat(statistics.getEntityFetchCount())
                .as("lookups by id that went to the database")
                .isZero();
        assertThat(placed).allSatisfy(id -> assertThat(booking(id).status()).isEqualTo(BookingStatus.CONFIRMED));
    }

    /**
     * A batch's lookups need no query planned for them, however many ids each batch has: Hibernate translates a
     * query whose plan it does not keep anew at every call, a quarter of the processor's samples in a profile under
     * load.
     */
    @Test
    void aBatchLooksUpWithoutPlanningAQuery() {
        List<BookingId> placed = List.of(bookingId, new BookingId(UUID.randomUUID()), new BookingId(UUID.randomUUID()));
        feed.deliver(PLACED_AT, placed.stream().map(id -> placed(id, ada, 1)).toArray());
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        prefetchForTheSeatsOf(placed.subList(0, 1));
        statistics.clear();

        prefetchForTheSeatsOf(placed);

        assertThat(statistics.getPrepareStatementCount()).as("statements").isEqualTo(2);
        assertThat(statistics.getQueryPlanCacheMissCount())
                .as("queries planned anew")
                .isZero();
        assertThat(statistics.getEntityLoadCount()).as("rows loaded").isEqualTo(4);
    }

    private void prefetchForTheSeatsOf(List<BookingId> bookings) {
        List<TrackedEventMessage<?>> batch = bookings.stream()
                .<TrackedEventMessage<?>>map(id -> feed.event(new SeatsReserved(showId, id, 1, PRICE, 97), LATER))
                .toList();
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> projection.prefetchFor(batch));
    }

    /** A booking placed and settled in one batch, as a rebuild's batches hold them, is written once as it ends. */
    @Test
    void aBookingPlacedAndChangedInOneBatchIsInsertedAsItStandsAtTheEndAndNeverUpdated() {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        feed.deliver(
                PLACED_AT,
                placed(bookingId, ada, 2),
                new SeatsReserved(showId, bookingId, 2, PAID, 98),
                new BookingConfirmed(bookingId, paymentId, PAID));

        EntityStatistics bookingRows = statistics.getEntityStatistics(BookingView.class.getName());
        assertThat(bookingRows.getInsertCount()).as("inserts").isEqualTo(1);
        assertThat(bookingRows.getUpdateCount()).as("updates").isZero();
        BookingSummary confirmed = booking(bookingId);
        assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(confirmed.amount()).isEqualByComparingTo("50.00");
        assertThat(show().revenue()).isEqualByComparingTo("50.00");
    }

    private void confirmedBooking() {
        feed.deliver(PLACED_AT, placed(bookingId, ada, 2));
        feed.deliver(
                LATER,
                new SeatsReserved(showId, bookingId, 2, PAID, 98),
                new BookingConfirmed(bookingId, paymentId, PAID));
    }

    private BookingPlaced placed(BookingId id, UserId user, int tickets) {
        return new BookingPlaced(id, user, showId, tickets, "tok_visa");
    }

    private BookingSummary booking(BookingId id) {
        return projection.handle(new FindBooking(id.value())).orElseThrow();
    }

    private ShowStats show() {
        return projection.handle(new FindShowStats(showId.value())).orElseThrow();
    }

    private static List<UUID> ids(BookingPage page) {
        return page.items().stream().map(BookingSummary::bookingId).toList();
    }

    /** Live updates go out to whoever registers here, as Axon's query bus registers subscription queries. */
    @TestConfiguration
    static class Updates {

        @Bean
        SimpleQueryUpdateEmitter queryUpdateEmitter() {
            return SimpleQueryUpdateEmitter.builder().build();
        }

        @Bean
        Clock clock() {
            return LATER_THAT_DAY;
        }
    }
}
