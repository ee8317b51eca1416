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
 * The event stream as a projection's processor should read it: once the processor has caught up, each event that
 * comes in is handed over only after {@code gathering} more time, so that the events of the bookings under way arrive
 * as one batch, in one transaction with one token update, instead of a transaction each.
 * <p>
 * A streaming processor takes whatever events wait for it as a batch. A processor that keeps up finds one waiting at a
 * time, so the cost of a batch (its transaction, token update and commit) is paid for nearly every event of a steady
 * stream, and the cheaper the handling, the smaller the batches (docs/benchmarks.md, eighth round). A processor that is
 * behind finds its events waiting and gathers nothing more: it is handed them at once. So the wait costs a caught-up
 * projection at most {@code gathering} of lag, and a processor behind nothing.
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

    private record GatheringStream(BlockingStream<TrackedEventMessage<?>> stream, long gatheringNanos)
            implements BlockingStream<TrackedEventMessage<?>> {

        /** Waits for an event as asked; if none was waiting already, lets more gather behind the first one. */
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
            TimeUnit.NANOSECONDS.sleep(gatheringNanos);
            return true;
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
            return stream.nextAvailable();
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
