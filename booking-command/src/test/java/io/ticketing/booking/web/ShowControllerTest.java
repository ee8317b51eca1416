package io.ticketing.booking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.show.CreateShow;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PlatformWebMvcTest(ShowController.class)
class ShowControllerTest {

    private static final String HAMLET = """
            {"name": "Hamlet", "venue": "Globe", "startsAt": "2027-03-01T19:30:00Z", "capacity": 300,
             "ticketPrice": {"amount": 25.50, "currency": "EUR"}}""";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CommandGateway commandGateway;

    @Test
    void anAdminCreatesAShow() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        assertThat(mvc.post()
                        .uri("/api/shows")
                        .with(Tokens.as(new UserId(UUID.randomUUID()), Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HAMLET))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.showId")
                .asString()
                .isNotBlank();

        ArgumentCaptor<CreateShow> sent = ArgumentCaptor.forClass(CreateShow.class);
        verify(commandGateway).send(sent.capture());
        assertThat(sent.getValue().ticketPrice()).isEqualTo(Money.of("25.50", "EUR"));
        assertThat(sent.getValue().capacity()).isEqualTo(300);
    }

    @Test
    void aUserCannotCreateShows() {
        assertThat(mvc.post()
                        .uri("/api/shows")
                        .with(Tokens.as(new UserId(UUID.randomUUID()), Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HAMLET))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        verify(commandGateway, never()).send(any());
    }

    @Test
    void aPriceNeedsAKnownCurrencyAndWholeCents() {
        assertThat(mvc.post()
                        .uri("/api/shows")
                        .with(Tokens.as(new UserId(UUID.randomUUID()), Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name": "Hamlet", "venue": "Globe", "startsAt": "2027-03-01T19:30:00Z", "capacity": 0,
                         "ticketPrice": {"amount": 25.555, "currency": "euro"}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("capacity:", "ticketPrice.amount:", "ticketPrice.currency:");
    }
}
