package io.ticketing.coreapi.pipeline;

/**
 * How far the booking saga is behind the event stream.
 *
 * @param position     the lowest position its segments have committed in the event stream
 * @param headPosition the newest event's position
 * @param lagMillis    how long the oldest event the saga has not yet handled has been waiting; 0 when caught up
 */
public record SagaLag(long position, long headPosition, long lagMillis) {

    public long eventsBehind() {
        return Math.max(0, headPosition - position);
    }
}
