package io.ticketing.query.web;

import io.ticketing.query.api.BookingSummary;
import io.ticketing.query.api.WatchBookings;
import io.ticketing.support.security.AuthenticatedUser;
import io.ticketing.support.security.RevokedUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Bookings as they change, as Server-Sent Events ({@code event: booking}, the booking as JSON). Each event's id is
 * the position in the event stream of the change it shows: a client that reconnects with {@code Last-Event-ID}
 * first gets every booking that changed since, then the live changes, and misses nothing. A user follows their own
 * bookings; admins and auditors follow all. A stream outlives the check of its token: it ends, unsent, at the first
 * change after its user is deactivated or erased, and the client's reconnection is refused.
 * <p>
 * The streams end as the service stops, before the web server's graceful shutdown begins: a stream never ends by
 * itself, so that shutdown would wait out its whole timeout (30 s) for an open dashboard. Its client reconnects with
 * its {@code Last-Event-ID}, to an instance that runs, and misses nothing.
 */
@RestController
class DashboardStreamController implements SmartLifecycle {

    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    /**
     * How far before its Last-Event-ID a reconnecting client is caught up from. Positions are taken when events are
     * inserted, and transactions commit in any order, so a change at a lower position can reach the dashboards
     * after one the client already saw: resuming exactly after it would skip that change for good. The distance is
     * bounded by the events in flight at once (a few per event-store connection); a client may see a booking's
     * latest state twice, never miss it.
     */
    static final long RESUME_MARGIN = 1_000;

    private final QueryGateway queryGateway;
    private final RevokedUsers revokedUsers;
    private final Set<SseEmitter> openStreams = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    DashboardStreamController(QueryGateway queryGateway, RevokedUsers revokedUsers) {
        this.queryGateway = queryGateway;
        this.revokedUsers = revokedUsers;
    }

    @GetMapping(path = "/api/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId, AuthenticatedUser caller) {
        UUID owner = BookingQueryController.seesEverything(caller)
                ? null
                : caller.id().value();
        // Without a position there is nothing to catch up on: only what changes from now on.
        long after = lastEventId == null ? Long.MAX_VALUE : Math.max(0, lastEventId - RESUME_MARGIN);
        SubscriptionQueryResult<List<BookingSummary>, BookingSummary> subscription = queryGateway.subscriptionQuery(
                new WatchBookings(owner, after),
                ResponseTypes.multipleInstancesOf(BookingSummary.class),
                ResponseTypes.instanceOf(BookingSummary.class));
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        try {
            // Sends the response's headers now: a client knows it is connected before the first booking moves.
            emitter.send(SseEmitter.event().comment("following bookings"));
        } catch (IOException clientGone) {
            subscription.cancel();
            throw new UncheckedIOException(clientGone);
        }
        openStreams.add(emitter);
        Disposable forwarding = Flux.concat(
                        subscription.initialResult().flatMapIterable(changed -> changed), subscription.updates())
                .takeWhile(booking -> !revokedUsers.includes(caller.id()))
                .subscribe(booking -> send(emitter, booking), emitter::completeWithError, emitter::complete);
        Runnable stop = () -> {
            openStreams.remove(emitter);
            forwarding.dispose();
            subscription.cancel();
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(failure -> stop.run());
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        openStreams.forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void send(SseEmitter emitter, BookingSummary booking) {
        try {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(booking.position()))
                    .name("booking")
                    .data(booking));
        } catch (IOException clientGone) {
            emitter.completeWithError(clientGone);
        }
    }
}
