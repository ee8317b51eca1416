package io.ticketing.support.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream as a processor that may be a moment late reads it: once the processor has caught up on a busy
 * stream, each event that comes in is handed over only after {@code gathering} more time, so that the events of the
 * bookings under way arrive as one batch, in one transaction with one token update, instead of a transaction each.
 * <p>
 * A streaming processor takes whatever events wait for it as a batch. A processor that keeps up finds one waiting at a
 * time, so the cost of a batch (its transaction, token update and commit) is paid for nearly every event of a steady
 * stream, and the cheaper the handling, the smaller the batches (docs/benchmarks.md, eighth round). A processor that is
 * behind finds its events waiting and gathers nothing more: it is handed them at once.
 * <p>
 * The wait is taken only while it is likely to catch another event: while the stream has lately brought at least one
 * event per {@code gathering}. On a quieter stream it would only make each event later, and the steps of a booking
 * that follow each other through several processors later still (docs/benchmarks.md, twenty-second round).
 */
public final class GatheringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final Duration gathering;

    public GatheringEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration gathering) {
        this.events = events;
        this.gathering = gathering;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new GatheringStream(events.openStream(trackingToken), gathering.toNanos());
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    private static final class GatheringStream implements BlockingStream<TrackedEventMessage<?>> {

        /**
         * How many gatherings back the stream's pace is judged over: long enough that the few events of one booking do
         * not make a quiet stream look busy, short enough that a burst of a hundred bookings a second is gathered
         * within a tenth of a second of its start.
         */
        private static final int GATHERINGS_JUDGED = 20;

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long gatheringNanos;
        private final double judgedNanos;
        /** The events handed over, each weighing e^(-age / judgedNanos) at {@link #weighedAt}. */
        private double recentEvents;

        private long weighedAt = System.nanoTime();
        private long handedOverSinceWeighed;

        GatheringStream(BlockingStream<TrackedEventMessage<?>> stream, long gatheringNanos) {
            this.stream = stream;
            this.gatheringNanos = gatheringNanos;
            this.judgedNanos = (double) gatheringNanos * GATHERINGS_JUDGED;
        }

        /** Waits for an event as asked; if none was waiting already, lets more gather behind it on a busy stream. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout <= 0) {
                return stream.hasNextAvailable(timeout, unit);
            }
            if (stream.hasNextAvailable()) {
                return true;
            }
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            if (busy()) {
                TimeUnit.NANOSECONDS.sleep(gatheringNanos);
            }
            return true;
        }

        /** Whether the stream has lately brought at least one event per gathering. */
        private boolean busy() {
            long now = System.nanoTime();
            recentEvents = recentEvents * Math.exp((weighedAt - now) / judgedNanos) + handedOverSinceWeighed;
            weighedAt = now;
            handedOverSinceWeighed = 0;
            return recentEvents >= GATHERINGS_JUDGED;
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = stream.nextAvailable();
            handedOverSinceWeighed++;
            return event;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
