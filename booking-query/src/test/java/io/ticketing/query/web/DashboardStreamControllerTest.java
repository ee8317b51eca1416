package io.ticketing.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.query.api.BookingSummary;
import io.ticketing.query.api.WatchBookings;
import io.ticketing.support.test.InMemoryRevokedUsers;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@PlatformWebMvcTest(DashboardStreamController.class)
class DashboardStreamControllerTest {

    private final UserId owner = new UserId(UUID.randomUUID());

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private InMemoryRevokedUsers revokedUsers;

    @Autowired
    private DashboardStreamController streams;

    @MockitoBean
    private QueryGateway queryGateway;

    @Test
    @SuppressWarnings("unchecked")
    void aStreamEndsWithoutSendingAnotherChangeOnceItsUserIsRevoked() {
        BookingSummary before = bookingOf(owner, 41);
        BookingSummary after = bookingOf(owner, 42);
        SubscriptionQueryResult<List<BookingSummary>, BookingSummary> subscription =
                mock(SubscriptionQueryResult.class);
        when(subscription.initialResult()).thenReturn(Mono.just(List.of()));
        when(subscription.updates())
                .thenReturn(Flux.just(before)
                        .concatWith(Mono.fromRunnable(() -> revokedUsers.revoke(owner)))
                        .concatWith(Flux.just(after)));
        when(queryGateway.subscriptionQuery(any(WatchBookings.class), any(ResponseType.class), any(ResponseType.class)))
                .thenReturn(subscription);

        assertThat(mvc.get()
                        .uri("/api/dashboard/stream")
                        .with(Tokens.as(owner, Role.USER))
                        .exchange())
                .hasStatus(HttpStatus.OK)
                .body()
                .asString()
                .contains(before.bookingId().toString())
                .doesNotContain(after.bookingId().toString());
    }

    /** Otherwise the web server's graceful shutdown would wait its whole timeout for an open dashboard. */
    @Test
    @SuppressWarnings("unchecked")
    void anOpenStreamEndsAsTheServiceStops() {
        SubscriptionQueryResult<List<BookingSummary>, BookingSummary> subscription =
                mock(SubscriptionQueryResult.class);
        when(subscription.initialResult()).thenReturn(Mono.just(List.of()));
        when(subscription.updates()).thenReturn(Flux.never());
        when(queryGateway.subscriptionQuery(any(WatchBookings.class), any(ResponseType.class), any(ResponseType.class)))
                .thenReturn(subscription);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            verify(subscription, timeout(5_000)).updates();
            streams.stop();
        });

        assertThat(mvc.get()
                        .uri("/api/dashboard/stream")
                        .with(Tokens.as(owner, Role.USER))
                        .exchange(Duration.ofSeconds(10)))
                .hasStatus(HttpStatus.OK)
                .body()
                .asString()
                .contains("following bookings");
        stopping.join();
    }

    private static BookingSummary bookingOf(UserId owner, long position) {
        return ConfirmedBookings.confirmed(UUID.randomUUID(), owner, position);
    }
}
