package io.ticketing.query.projection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild of the dashboards stands.
 *
 * @param eventsApplied  the events the rebuild has read, of every kind: counted one by one, so the gaps that
 *                       rolled-back appends leave in the stream's positions do not count
 * @param position       where in the event stream the rebuild is
 * @param targetPosition the head of the event stream when the rebuild started: past it, the new tables have caught up
 */
public record RebuildProgress(
        State state,
        long eventsApplied,
        long position,
        long targetPosition,
        Instant startedAt,
        Instant finishedAt,
        String failure) {

    public enum State {
        IDLE,
        BUILDING,
        SWAPPING,
        DONE,
        FAILED
    }

    static RebuildProgress idle() {
        return new RebuildProgress(State.IDLE, 0, 0, 0, null, null, null);
    }

    /** How far the new tables are, from 0 to 100, against the head of the stream at the start. */
    @JsonProperty
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return targetPosition <= 0 ? 0 : (int) Math.min(100, position * 100 / targetPosition);
    }

    @JsonProperty
    public long eventsPerSecond() {
        if (startedAt == null) {
            return 0;
        }
        long millis = Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt)
                .toMillis();
        return millis == 0 ? eventsApplied : eventsApplied * 1000 / millis;
    }

    /** A rebuild from the first event after {@code from} (the tail of the stream) up to {@code target}. */
    static RebuildProgress started(long from, long target) {
        return new RebuildProgress(State.BUILDING, 0, from, target, Instant.now(), null, null);
    }

    boolean underWay() {
        return state == State.BUILDING || state == State.SWAPPING;
    }

    RebuildProgress reached(long newPosition, long eventsRead) {
        return new RebuildProgress(
                state, eventsRead, Math.max(position, newPosition), targetPosition, startedAt, null, null);
    }

    RebuildProgress in(State newState) {
        Instant finished = newState == State.DONE || newState == State.FAILED ? Instant.now() : null;
        return new RebuildProgress(newState, eventsApplied, position, targetPosition, startedAt, finished, failure);
    }

    RebuildProgress failed(String why) {
        return new RebuildProgress(
                State.FAILED, eventsApplied, position, targetPosition, startedAt, Instant.now(), why);
    }
}
