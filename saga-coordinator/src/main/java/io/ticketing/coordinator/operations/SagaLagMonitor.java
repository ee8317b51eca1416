package io.ticketing.coordinator.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketing.coordinator.saga.BookingSaga;
import io.ticketing.coreapi.pipeline.FindSagaLag;
import io.ticketing.coreapi.pipeline.SagaLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures how far behind the booking saga is, for admission control: how long the oldest event it has not handled
 * yet has been waiting, which is the delay a booking placed now would see before its saga even starts.
 * <p>
 * The saga's committed tokens are read from the token table, not from this coordinator's processor: they tell the
 * truth whichever coordinator holds the segments, and also when none does (all stopped or failing), which is when
 * bookings must be refused most of all. Reading them takes no claim. The answer is reused for a short while, since
 * every booking request may ask.
 * <p>
 * The same measure is published as metrics, for the operators who watch the saga fall behind before admission
 * control steps in.
 */
@Component
class SagaLagMonitor implements MeterBinder {

    private static final Duration REUSE_FOR = Duration.ofMillis(500);
    private static final int PEEK_MILLIS = 200;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventStore eventStore;
    private final Clock clock = Clock.systemUTC();
    private volatile Measured last = new Measured(new SagaLag(0, 0, 0), Instant.MIN);

    SagaLagMonitor(JdbcTemplate jdbc, Serializer serializer, EventStore eventStore) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventStore = eventStore;
    }

    @QueryHandler
    SagaLag handle(FindSagaLag query) {
        return current();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        TimeGauge.builder(
                        "booking.saga.lag",
                        this,
                        TimeUnit.MILLISECONDS,
                        monitor -> monitor.current().lagMillis())
                .description("How long the oldest event the booking saga has not handled yet has been waiting")
                .register(registry);
        Gauge.builder("booking.saga.backlog", this, monitor -> monitor.current().eventsBehind())
                .description("Events in the stream that the booking saga has not handled yet")
                .baseUnit("events")
                .register(registry);
    }

    private SagaLag current() {
        Measured measured = last;
        Instant now = clock.instant();
        if (measured.at().plus(REUSE_FOR).isBefore(now)) {
            measured = new Measured(measure(now), now);
            last = measured;
        }
        return measured.lag();
    }

    private SagaLag measure(Instant now) {
        long head = positionOf(eventStore.createHeadToken());
        List<TrackingToken> tokens = committedTokens();
        if (tokens.isEmpty()) {
            // No coordinator has started the saga yet; it will start at the head.
            return new SagaLag(head, head, 0);
        }
        TrackingToken lowest = tokens.stream()
                .min((one, other) -> Long.compare(positionOf(one), positionOf(other)))
                .orElseThrow();
        long position = positionOf(lowest);
        long lagMillis = head > position ? waitingSince(lowest, now) : 0;
        return new SagaLag(position, head, lagMillis);
    }

    /** Each segment's token as last committed; a segment that never committed one starts from the first event. */
    private List<TrackingToken> committedTokens() {
        return jdbc.query(
                "SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (row, index) -> {
                    byte[] token = row.getBytes(1);
                    return token == null
                            ? new GlobalSequenceTrackingToken(-1)
                            : serializer.<byte[], TrackingToken>deserialize(
                                    new SimpleSerializedObject<>(token, byte[].class, row.getString(2), null));
                },
                BookingSaga.PROCESSING_GROUP);
    }

    /** How long the first event after {@code token} has been in the stream. */
    private long waitingSince(TrackingToken token, Instant now) {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(token)) {
            if (stream.hasNextAvailable(PEEK_MILLIS, TimeUnit.MILLISECONDS)) {
                return stream.peek()
                        .map(next -> Math.max(
                                0, Duration.between(next.getTimestamp(), now).toMillis()))
                        .orElse(0L);
            }
            return 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private record Measured(SagaLag lag, Instant at) {}
}
