package io.ticketing.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventAuditorTest {

    @RegisterExtension
    static final PostgresEventStore STORE = new PostgresEventStore();
    /** The store is the class's: each test's events come after every earlier test's, as a live store's do. */
    private static Instant lastTestsDay = Instant.parse("2026-01-01T00:00:00Z");

    private final ObjectMapper objectMapper =
            JsonMapper.builder().findAndAddModules().build();
    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final UserId owner = new UserId(UUID.randomUUID());
    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());
    private final Money paid = Money.of("50.00", "EUR");
    private EventAuditor auditor;
    private Instant day;

    @BeforeEach
    void setUp() {
        auditor = new EventAuditor(STORE.eventStore(), objectMapper);
        lastTestsDay = lastTestsDay.plus(1, ChronoUnit.DAYS);
        day = lastTestsDay;
    }

    @Test
    void anAggregatesEventsAreShownInOrderWithTheirTypeSequenceTimeAndMetadata() {
        bookingPlacedAndConfirmed();

        List<AuditedEvent> events =
                auditor.streamOf("Booking", bookingId.toString()).orElseThrow();

        assertThat(events)
                .extracting(AuditedEvent::sequenceNumber, AuditedEvent::eventType)
                .containsExactly(tuple(0L, BookingPlaced.class.getName()), tuple(1L, BookingConfirmed.class.getName()));
        assertThat(events).allSatisfy(event -> {
            assertThat(event.aggregateType()).isEqualTo("Booking");
            assertThat(event.aggregateId()).isEqualTo(bookingId.toString());
            assertThat(event.globalPosition()).isNull();
            assertThat(event.metadata()).containsEntry("correlationId", "request-1");
        });
        assertThat(events.get(1).timestamp()).isEqualTo(day.plusSeconds(5));
        assertThat(events.get(1).payload().path("amountPaid").path("amount").decimalValue())
                .isEqualByComparingTo("50.00");
    }

    @Test
    void anIdThatNoAggregateOfTheTypeHasIsNotFound() {
        bookingPlacedAndConfirmed();

        assertThat(auditor.streamOf("Show", bookingId.toString())).isEmpty();
        assertThat(auditor.streamOf("Booking", UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void aPaymentTokenShowsOnlyItsLastFourCharactersAndAShortOneNone() {
        BookingId shortToken = new BookingId(UUID.randomUUID());
        append(
                bookingId,
                0,
                day,
                new BookingPlaced(bookingId, owner, new ShowId(UUID.randomUUID()), 2, "tok_visa_4242"));
        append(shortToken, 0, day, new BookingPlaced(shortToken, owner, new ShowId(UUID.randomUUID()), 2, "tok"));

        assertThat(auditor.streamOf("Booking", bookingId.toString()).orElseThrow())
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.payload().path("paymentToken").asText()).isEqualTo("****4242");
                    assertThat(event.payload().path("tickets").asInt()).isEqualTo(2);
                });
        assertThat(auditor.streamOf("Booking", shortToken.toString()).orElseThrow())
                .singleElement()
                .satisfies(
                        event -> assertThat(event.payload().path("paymentToken").asText())
                                .isEqualTo("****"));
    }

    @Test
    void theExportWritesTheEventsFromItsStartUpToItsEndInGlobalOrderAndMasked() throws IOException {
        BookingId before = new BookingId(UUID.randomUUID());
        BookingId after = new BookingId(UUID.randomUUID());
        append(before, 0, day.minusMillis(1), placed(before));
        bookingPlacedAndConfirmed();
        append(after, 0, day.plusSeconds(10), placed(after));

        List<JsonNode> lines = exported(out -> auditor.export(day, day.plusSeconds(10), out));

        assertThat(lines)
                .extracting(line -> line.path("aggregateId").asText())
                .containsExactly(bookingId.toString(), bookingId.toString());
        assertThat(lines.get(0).path("payload").path("paymentToken").asText()).isEqualTo("****4242");
        assertThat(lines.get(1).path("globalPosition").asLong())
                .isGreaterThan(lines.get(0).path("globalPosition").asLong());
    }

    @Test
    void theExportWithoutAStartBeginsAtTheFirstEventEver() throws IOException {
        bookingPlacedAndConfirmed();

        List<JsonNode> lines = exported(out -> auditor.exportUntil(day.plusSeconds(5), out));

        // The store numbers its events from 1, and earlier tests' events come first.
        assertThat(lines)
                .extracting(line -> line.path("globalPosition").asLong())
                .startsWith(1L)
                .isSorted();
        assertThat(lines.get(lines.size() - 1).path("aggregateId").asText()).isEqualTo(bookingId.toString());
        assertThat(lines.get(lines.size() - 1).path("sequenceNumber").asLong()).isZero();
    }

    @Test
    void aBookingAsOfAnInstantIsRebuiltFromItsStoredEventsUpToThen() {
        bookingPlacedAndConfirmed();

        assertThat(auditor.bookingAsOf(bookingId.toString(), day.minusMillis(1)))
                .isEmpty();
        assertThat(auditor.bookingAsOf(bookingId.toString(), day.plusSeconds(4))
                        .orElseThrow()
                        .status())
                .isEqualTo(BookingStatus.PENDING);
        BookingStateAsOf confirmed =
                auditor.bookingAsOf(bookingId.toString(), day.plusSeconds(5)).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(confirmed.amountPaid()).isEqualTo(paid);
    }

    private void bookingPlacedAndConfirmed() {
        append(bookingId, 0, day, placed(bookingId));
        append(bookingId, 1, day.plusSeconds(5), new BookingConfirmed(bookingId, paymentId, paid));
    }

    private BookingPlaced placed(BookingId id) {
        return new BookingPlaced(id, owner, new ShowId(UUID.randomUUID()), 2, "tok_visa_4242");
    }

    private static void append(BookingId id, long sequence, Instant at, Object payload) {
        STORE.eventStore()
                .publish(new GenericDomainEventMessage<>(
                        "Booking",
                        id.toString(),
                        sequence,
                        payload,
                        MetaData.from(Map.of("correlationId", "request-1")),
                        UUID.randomUUID().toString(),
                        at));
    }

    private List<JsonNode> exported(Export export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.to(out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(objectMapper.readTree(line));
        }
        return lines;
    }

    private interface Export {
        void to(ByteArrayOutputStream out) throws IOException;
    }
}
