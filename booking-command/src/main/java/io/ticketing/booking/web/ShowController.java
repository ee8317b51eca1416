package io.ticketing.booking.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.coreapi.show.CreateShow;
import io.ticketing.support.validation.PlainText;
import io.ticketing.support.validation.StorableInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shows")
class ShowController {

    private final CommandGateway commandGateway;

    ShowController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ApiResponse(responseCode = "201", description = "Created; Location names the show", useReturnTypeSchema = true)
    CompletableFuture<ResponseEntity<Created>> create(@Valid @RequestBody NewShow show) {
        ShowId showId = new ShowId(show.showId() == null ? UUID.randomUUID() : show.showId());
        Money price = new Money(
                show.ticketPrice().amount(),
                Currency.getInstance(show.ticketPrice().currency()));
        return commandGateway
                .send(new CreateShow(showId, show.name(), show.venue(), show.startsAt(), show.capacity(), price))
                .thenApply(done -> ResponseEntity.created(URI.create("/api/shows/" + showId))
                        .body(new Created(showId.value())));
    }

    record NewShow(
            UUID showId,

            @NotBlank @Size(max = TextLimits.NAME) @PlainText
            String name,

            @NotBlank @Size(max = TextLimits.NAME) @PlainText
            String venue,

            @NotNull @StorableInstant Instant startsAt,
            @Min(1) @Max(CreateShow.MOST_SEATS) int capacity,
            @NotNull @Valid Price ticketPrice) {}

    record Price(
            @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2)
            BigDecimal amount,

            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            String currency) {}

    record Created(UUID showId) {}
}
