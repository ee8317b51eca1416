package io.ticketing.booking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ticketing.booking.admission.AdmissionControl;
import io.ticketing.booking.admission.PlatformBusyException;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.booking.CancelBooking;
import io.ticketing.coreapi.booking.PlaceBooking;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.MessageMetadata;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.messaging.CommandRejection;
import io.ticketing.support.messaging.EdgeMetadataInterceptor;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PlatformWebMvcTest(BookingController.class)
@TestPropertySource(properties = "booking.new-user-patience=PT0.5S")
class BookingControllerTest {

    private final UserId ada = new UserId(UUID.randomUUID());
    private final UUID showId = UUID.randomUUID();
    private final String twoTickets = """
            {"showId": "%s", "tickets": 2, "paymentToken": "tok_visa"}""".formatted(showId);

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CommandGateway commandGateway;

    @MockitoBean
    private AdmissionControl admission;

    @MockitoBean
    private EdgeMetadataInterceptor edgeMetadata;

    /** What the request's flow metadata would be: fixed once, on the request's thread. */
    @BeforeEach
    void flowMetadataOfTheRequest() {
        when(edgeMetadata.handle(any(Message.class)))
                .thenAnswer(invocation -> invocation
                        .<Message<?>>getArgument(0)
                        .andMetaData(Map.of(MessageMetadata.TRACE_ID, "trace-of-the-request")));
    }

    @Test
    void aBookingRefusedByAdmissionControlIs503WithRetryAfterAndPlacesNothing() {
        doThrow(new PlatformBusyException(Duration.ofSeconds(14), Duration.ofSeconds(10)))
                .when(admission)
                .admit();

        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(twoTickets))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("Retry-After", "5")
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:problem:platform-busy");
        verify(commandGateway, never()).send(any());
    }

    @Test
    void aTicketCountThatIsNotAWholeNumberIsRefusedNamingTheField() {
        for (String tickets : List.of("1.5", "\"2\"")) {
            assertThat(mvc.post()
                            .uri("/api/bookings")
                            .with(Tokens.as(ada, Role.USER))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                            {"showId": "%s", "tickets": %s, "paymentToken": "tok_visa"}""".formatted(showId, tickets)))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .startsWith("tickets: ");
        }
        verify(commandGateway, never()).send(any());
    }

    @Test
    void controlCharactersInACancellationReasonOrAPaymentTokenAreRefused() {
        assertThat(mvc.post()
                        .uri("/api/bookings/" + UUID.randomUUID() + "/cancel")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"bad\\u0000reason\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .startsWith("reason: ");
        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"showId": "%s", "tickets": 1, "paymentToken": "tok\\u001b[31m"}""".formatted(showId)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .startsWith("paymentToken: ");
        verify(commandGateway, never()).send(any());
    }

    @Test
    void theErrorPathAnswersAProblemToo() {
        assertThat(mvc.get().uri("/error"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"reason\": \"" + "x".repeat(70_000) + "\"}";

        assertThat(mvc.post()
                        .uri("/api/bookings/" + UUID.randomUUID() + "/cancel")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .hasStatus(HttpStatus.PAYLOAD_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verify(commandGateway, never()).send(any());
    }

    @Test
    void placesABookingForTheCallerNamedInTheToken() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(BookingStatus.PENDING));

        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(twoTickets))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PENDING");

        PlaceBooking sent = placedBookings(1).get(0).getPayload();
        assertThat(sent.userId()).isEqualTo(ada);
        assertThat(sent.showId().value()).isEqualTo(showId);
        assertThat(sent.tickets()).isEqualTo(2);
    }

    @Test
    void theSameIdempotencyKeyAlwaysNamesTheSameBooking() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(BookingStatus.PENDING));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(mvc.post()
                            .uri("/api/bookings")
                            .with(Tokens.as(ada, Role.USER))
                            .header("Idempotency-Key", "order-42")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(twoTickets))
                    .hasStatus(HttpStatus.ACCEPTED);
        }

        List<BookingId> ids = placedBookings(2).stream()
                .map(sent -> sent.getPayload().bookingId())
                .toList();
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
    }

    @Test
    void aBookingByAUserNotKnownHereYetIsSentAgainUntilTheUserIsKnown() {
        when(commandGateway.send(any()))
                .thenReturn(CompletableFuture.failedFuture(userNotYetKnown()))
                .thenReturn(CompletableFuture.failedFuture(userNotYetKnown()))
                .thenReturn(CompletableFuture.completedFuture(BookingStatus.PENDING));

        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(twoTickets))
                .hasStatus(HttpStatus.ACCEPTED);

        List<CommandMessage<PlaceBooking>> sent = placedBookings(3);
        assertThat(sent)
                .extracting(CommandMessage::getPayload)
                .containsOnly(sent.get(0).getPayload());
        assertThat(sent)
                .extracting(message -> message.getMetaData().get(MessageMetadata.TRACE_ID))
                .as("sent again from another thread, with the request's metadata")
                .containsOnly("trace-of-the-request");
    }

    @Test
    void aUserStillNotKnownAfterAWhileIsAskedToSendTheBookingAgainLater() {
        when(commandGateway.send(any())).thenAnswer(invocation -> CompletableFuture.failedFuture(userNotYetKnown()));

        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(twoTickets))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("Retry-After", "1")
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:problem:not-yet-known");
    }

    private static CommandExecutionException userNotYetKnown() {
        String message = "User is not known to the booking service yet";
        return new CommandExecutionException(
                message, null, new CommandRejection(CommandRejection.Kind.NOT_YET_KNOWN, message));
    }

    /** The bookings sent, as messages with their metadata. */
    @SuppressWarnings("unchecked")
    private List<CommandMessage<PlaceBooking>> placedBookings(int times) {
        ArgumentCaptor<CommandMessage<PlaceBooking>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commandGateway, times(times)).send(sent.capture());
        return sent.getAllValues();
    }

    @Test
    void aClientChosenIdIsKept() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(BookingStatus.CONFIRMED));
        UUID chosen = UUID.randomUUID();

        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"bookingId": "%s", "showId": "%s", "tickets": 2, "paymentToken": "tok_visa"}""".formatted(chosen, showId)))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.bookingId")
                .isEqualTo(chosen.toString());
    }

    @Test
    void aClientChosenIdMustBeRandomSoThatItNeverMeetsAnIdThePlatformDerives() {
        UUID nameBased = UUID.nameUUIDFromBytes("payment-of-someone-else".getBytes(StandardCharsets.UTF_8));

        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"bookingId": "%s", "showId": "%s", "tickets": 2, "paymentToken": "tok_visa"}""".formatted(nameBased, showId)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("bookingId");
        verify(commandGateway, never()).send(any());
    }

    @Test
    void anIdAndAKeyThatDisagreeAreRefused() {
        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .header("Idempotency-Key", "order-42")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"bookingId": "%s", "showId": "%s", "tickets": 2, "paymentToken": "tok_visa"}""".formatted(UUID.randomUUID(), showId)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        verify(commandGateway, never()).send(any());
    }

    @Test
    void namesEveryInvalidField() {
        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"tickets": 11, "paymentToken": ""}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("showId:", "tickets:", "paymentToken:");
    }

    @Test
    void bookingNeedsAToken() {
        assertThat(mvc.post()
                        .uri("/api/bookings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(twoTickets))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void cancelsAsTheCallerAndSaysWhetherTheCallerIsAnAdmin() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        UUID bookingId = UUID.randomUUID();

        assertThat(mvc.post().uri("/api/bookings/{id}/cancel", bookingId).with(Tokens.as(ada, Role.ADMIN)))
                .hasStatus(HttpStatus.ACCEPTED);

        verify(commandGateway)
                .send(new CancelBooking(new BookingId(bookingId), ada, true, "Cancelled by the customer"));
    }

    @Test
    void someoneElsesBookingIsForbidden() {
        when(commandGateway.send(any()))
                .thenReturn(CompletableFuture.failedFuture(new CommandExecutionException(
                        "Booking belongs to another user",
                        null,
                        new CommandRejection(CommandRejection.Kind.FORBIDDEN, "Booking belongs to another user"))));

        assertThat(mvc.post()
                        .uri("/api/bookings/{id}/cancel", UUID.randomUUID())
                        .with(Tokens.as(ada, Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Booking belongs to another user");
    }

    @Test
    void aBookingThatCannotBeCancelledIsAConflict() {
        when(commandGateway.send(any()))
                .thenReturn(CompletableFuture.failedFuture(new CommandExecutionException(
                        "Booking is REJECTED and cannot be cancelled",
                        null,
                        new CommandRejection(
                                CommandRejection.Kind.CONFLICT, "Booking is REJECTED and cannot be cancelled"))));

        assertThat(mvc.post()
                        .uri("/api/bookings/{id}/cancel", UUID.randomUUID())
                        .with(Tokens.as(ada, Role.USER)))
                .hasStatus(HttpStatus.CONFLICT);
    }
}
