package io.ticketing.booking.admission;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketing.coreapi.pipeline.FindRefusedBookings;
import io.ticketing.coreapi.pipeline.FindSagaLag;
import io.ticketing.coreapi.pipeline.RefusedBookings;
import io.ticketing.coreapi.pipeline.SagaLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new bookings while the booking saga is too far behind to carry them out in time: on sale day, a booking
 * refused up front with "try again in a few seconds" is better than one accepted and settled minutes later.
 * <p>
 * The saga's lag is asked of a saga coordinator and remembered for a short while; a request never waits for the
 * answer, it uses the last one and asks again, without blocking, when that one is stale. While no coordinator has
 * answered (at start-up, or with every coordinator down), bookings are admitted: they wait in the event stream and
 * are carried out when a coordinator is back.
 * <p>
 * The refusals are counted as the metric {@code booking.admission.refused}.
 */
public class AdmissionControl implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(AdmissionControl.class);
    private static final long ASK_TIMEOUT_MILLIS = 2_000;

    private final QueryGateway queries;
    private final Duration maxLag;
    private final Duration refreshAfter;
    private final Clock clock;
    private final AtomicBoolean asking = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private volatile Answer last = new Answer(0, Instant.MIN);

    public AdmissionControl(QueryGateway queries, Duration maxLag, Duration refreshAfter, Clock clock) {
        this.queries = queries;
        this.maxLag = maxLag;
        this.refreshAfter = refreshAfter;
        this.clock = clock;
    }

    /** @throws PlatformBusyException when the saga is further behind than the configured bound */
    public void admit() {
        Answer answer = last;
        Instant now = clock.instant();
        if (answer.at().plus(refreshAfter).isBefore(now) && asking.compareAndSet(false, true)) {
            ask();
        }
        // An answer gone stale refuses nobody: after a quiet spell the last one may be from the busy moment before.
        boolean fresh = answer.at().plus(refreshAfter.multipliedBy(2)).isAfter(now);
        if (fresh && answer.lagMillis() > maxLag.toMillis()) {
            refused.incrementAndGet();
            throw new PlatformBusyException(Duration.ofMillis(answer.lagMillis()), maxLag);
        }
    }

    @QueryHandler
    RefusedBookings handle(FindRefusedBookings query) {
        return new RefusedBookings(refused.get(), maxLag.toMillis());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("booking.admission.refused", refused, AtomicLong::get)
                .description("Bookings refused because the booking saga was too far behind")
                .register(registry);
    }

    private void ask() {
        CompletableFuture<SagaLag> answer;
        try {
            answer = queries.query(new FindSagaLag(), SagaLag.class);
        } catch (RuntimeException notSent) {
            answer = CompletableFuture.failedFuture(notSent);
        }
        answer.orTimeout(ASK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).whenComplete((lag, unanswered) -> {
            if (lag != null) {
                last = new Answer(lag.lagMillis(), clock.instant());
            } else {
                log.debug("No saga coordinator told its lag; bookings stay admitted", unanswered);
            }
            // Cleared however the question ended, or no one would ever ask again.
            asking.set(false);
        });
    }

    private record Answer(long lagMillis, Instant at) {}
}
