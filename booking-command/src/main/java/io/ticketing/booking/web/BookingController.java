package io.ticketing.booking.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketing.booking.admission.AdmissionControl;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.booking.CancelBooking;
import io.ticketing.coreapi.booking.PlaceBooking;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.support.messaging.CommandRejection;
import io.ticketing.support.messaging.EdgeMetadataInterceptor;
import io.ticketing.support.security.AuthenticatedUser;
import io.ticketing.support.validation.PlainText;
import io.ticketing.support.validation.PlainTextValidator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/bookings")
class BookingController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** How often a booking for a user not known here yet is sent again while the user's event is on its way. */
    private static final Duration NEW_USER_POLL = Duration.ofMillis(100);

    private final CommandGateway commandGateway;
    private final AdmissionControl admission;
    private final EdgeMetadataInterceptor edgeMetadata;
    private final Duration newUserPatience;

    BookingController(
            CommandGateway commandGateway,
            AdmissionControl admission,
            EdgeMetadataInterceptor edgeMetadata,
            @Value("${booking.new-user-patience}") Duration newUserPatience) {
        this.commandGateway = commandGateway;
        this.admission = admission;
        this.edgeMetadata = edgeMetadata;
        this.newUserPatience = newUserPatience;
    }

    /**
     * Places a booking for the caller; the payment is taken afterwards, so the answer is 202. A retry carrying the
     * same {@code bookingId}, or the same {@code Idempotency-Key} from the same user, is the same booking. While
     * bookings are carried out too far behind, or while this service has not heard of a user who registered a
     * moment ago (it waits a few seconds for that), nothing is placed and the answer is 503 with {@code Retry-After}.
     */
    @PostMapping
    @ApiResponse(responseCode = "202", description = "Placed; the payment is taken next", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "503",
            description = "Bookings are carried out too far behind, or the user registered "
                    + "so recently that the booking service has not heard of them yet; nothing was placed",
            headers =
                    @Header(
                            name = HttpHeaders.RETRY_AFTER,
                            description = "Seconds to wait before sending it again",
                            schema = @Schema(type = "integer")))
    ResponseEntity<Placed> place(
            @Valid @RequestBody NewBooking booking,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) Optional<String> idempotencyKey,
            AuthenticatedUser caller) {
        BookingId bookingId = bookingId(booking.bookingId(), idempotencyKey, caller);
        admission.admit();
        PlaceBooking command = new PlaceBooking(
                bookingId, caller.id(), new ShowId(booking.showId()), booking.tickets(), booking.paymentToken());
        // The request's metadata is fixed here, on its thread: a booking sent again is sent from another.
        Message<?> placing = edgeMetadata.handle(GenericCommandMessage.asCommandMessage(command));
        // Waited for on the request's own thread: a future returned to Spring MVC would be answered in a second
        // dispatch of the request, through Tomcat and the security filter chain again, for every booking placed
        // (docs/benchmarks.md, twenty-fifth round). A failure still reaches CommandProblemAdvice as the future's.
        BookingStatus status = placeOnceTheUserIsKnown(placing, System.nanoTime() + newUserPatience.toNanos())
                .join();
        return ResponseEntity.accepted().body(new Placed(bookingId.value(), status));
    }

    /**
     * A user who registered a moment ago is known here once the user service's event has arrived, usually within a
     * second: until then the booking is sent again, with the same id, so that it is still one booking. Past the
     * deadline the refusal stands (503 with {@code Retry-After}).
     */
    private CompletableFuture<BookingStatus> placeOnceTheUserIsKnown(Message<?> command, long deadlineNanos) {
        return commandGateway.<BookingStatus>send(command).exceptionallyCompose(refused -> {
            boolean userNotYetKnown = CommandRejection.of(refused)
                    .filter(rejection -> rejection.kind() == CommandRejection.Kind.NOT_YET_KNOWN)
                    .isPresent();
            if (!userNotYetKnown || System.nanoTime() + NEW_USER_POLL.toNanos() > deadlineNanos) {
                return CompletableFuture.failedFuture(refused);
            }
            Executor afterAPause = CompletableFuture.delayedExecutor(NEW_USER_POLL.toMillis(), TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> command, afterAPause)
                    .thenCompose(again -> placeOnceTheUserIsKnown(again, deadlineNanos));
        });
    }

    @PostMapping("/{bookingId}/cancel")
    @ApiResponse(responseCode = "202", description = "Cancelled; a paid booking is refunded next")
    CompletableFuture<ResponseEntity<Void>> cancel(
            @PathVariable UUID bookingId,
            @RequestBody(required = false) @Valid Cancellation cancellation,
            AuthenticatedUser caller) {
        String reason = cancellation == null || cancellation.reason() == null
                ? "Cancelled by the customer"
                : cancellation.reason();
        return commandGateway
                .send(new CancelBooking(new BookingId(bookingId), caller.id(), caller.isAdmin(), reason))
                .thenApply(done -> ResponseEntity.accepted().build());
    }

    /** The id the client chose, or one derived from its idempotency key: the same key always names one booking. */
    private static BookingId bookingId(UUID chosen, Optional<String> idempotencyKey, AuthenticatedUser caller) {
        Optional<UUID> fromKey = idempotencyKey.filter(key -> !key.isBlank()).map(key -> {
            if (key.length() > TextLimits.IDEMPOTENCY_KEY || !PlainTextValidator.isPlain(key)) {
                throw new IllegalArgumentException(IDEMPOTENCY_KEY + " must be at most " + TextLimits.IDEMPOTENCY_KEY
                        + " characters, none of them control characters");
            }
            return UUID.nameUUIDFromBytes((caller.id() + "|" + key).getBytes(StandardCharsets.UTF_8));
        });
        if (chosen != null && chosen.version() != 4) {
            // Ids the platform derives (a booking's payment) are name-based: a random id never meets one.
            throw new IllegalArgumentException("bookingId must be a random (version 4) UUID");
        }
        if (chosen != null && fromKey.isPresent() && !chosen.equals(fromKey.get())) {
            throw new IllegalArgumentException(
                    "bookingId and " + IDEMPOTENCY_KEY + " name different bookings; " + "send one of them");
        }
        return new BookingId(chosen != null ? chosen : fromKey.orElseGet(UUID::randomUUID));
    }

    record NewBooking(
            UUID bookingId,
            @NotNull UUID showId,
            @Min(1) @Max(PlaceBooking.MOST_TICKETS) int tickets,

            @NotBlank @Size(max = TextLimits.PAYMENT_TOKEN) @PlainText
            String paymentToken) {}

    record Cancellation(
            @Size(max = TextLimits.CUSTOMER_REASON) @PlainText
            String reason) {}

    record Placed(UUID bookingId, BookingStatus status) {}
}
