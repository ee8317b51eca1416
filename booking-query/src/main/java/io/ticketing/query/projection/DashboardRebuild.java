package io.ticketing.query.projection;

import io.ticketing.query.projection.RebuildProgress.State;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the dashboards from the first event <em>aside</em>, then swaps: the live tables keep answering while new
 * ones fill in a schema of their own, and only when those have caught up with the stream are they moved in, in one
 * transaction, with the live processor's token set to where the rebuild stopped.
 * <p>
 * The rebuild is a processor of its own, {@value #PROCESSING_GROUP} ({@link DashboardProcessing}): the same
 * projection class on the same repositories, its transactions on the build schema. A rebuild resets its token to the
 * first event, which empties the build tables and its dead letters, and starts it; its tracker status says how far
 * it is, and once it has passed the head of the stream as it was at the start, both processors stop and the tables
 * and the token change hands.
 */
@Component
public class DashboardRebuild {

    public static final String PROCESSING_GROUP = "dashboards-rebuild";
    static final String BUILD_SCHEMA = "dashboards_rebuild";
    static final List<String> TABLES =
            List.of("user_contact", "show_view", "booking_view", "daily_booking_counts", "daily_revenue");
    private static final Logger log = LoggerFactory.getLogger(DashboardRebuild.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.idle());
    private final LongAdder eventsRead = new LongAdder();

    DashboardRebuild(
            EventStore eventStore,
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            TransactionTemplate transactions,
            JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    /** Starts a rebuild, unless one is under way; it goes on in the rebuild's processor. */
    public RebuildProgress start() {
        RebuildProgress current = progress.get();
        if (tokenStore.fetchSegments(DashboardProjection.PROCESSING_GROUP).length != 1) {
            throw new IllegalStateException("A rebuild swaps one token; the dashboards processor has several segments");
        }
        StreamingEventProcessor live = liveProcessor();
        StreamingEventProcessor rebuilding = rebuildingProcessor();
        RebuildProgress started = RebuildProgress.started(
                positionOf(eventStore.createTailToken()), positionOf(eventStore.createHeadToken()));
        if (current.underWay() || !progress.compareAndSet(current, started)) {
            throw new IllegalStateException("The dashboards are being rebuilt already ("
                    + progress.get().percent() + "%)");
        }
        try {
            eventsRead.reset();
            prepareBuildSchema();
            rebuilding.resetTokens();
            rebuilding.start();
        } catch (RuntimeException failure) {
            failed(failure);
            throw failure;
        }
        if (started.targetPosition() <= started.position()) {
            // Nothing to go through: no event will report progress.
            swapWhenStopped(live, rebuilding);
        }
        return started;
    }

    /**
     * The rebuild's processor reports each batch it has handled: once it has passed the head of the stream as it was
     * at the start, the swap begins.
     */
    void trackerStatusChanged(Map<Integer, EventTrackerStatus> statuses) {
        statuses.values()
                .forEach(status -> status.getCurrentPosition().ifPresent(position -> {
                    RebuildProgress reached = progress.updateAndGet(
                            p -> p.state() == State.BUILDING ? p.reached(position, eventsRead.sum()) : p);
                    if (reached.state() == State.BUILDING
                            && position >= reached.targetPosition()
                            && progress.compareAndSet(reached, reached.in(State.SWAPPING))) {
                        swapWhenStopped(liveProcessor(), rebuildingProcessor());
                    }
                }));
    }

    /**
     * Counts every event the rebuild's processor reads, those its projection skips included. A batch that fails and
     * is read again counts again.
     */
    MessageMonitor<Message<?>> eventsReadCounter() {
        return event -> {
            eventsRead.increment();
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }

    /**
     * Stops both processors, then swaps: the live one must not write to the old tables once they are gone, and the
     * rebuild's token must be final. Whatever the live processor handled past that token it handles again, on the new
     * tables. It is called on the rebuild's own thread, which is why nothing here waits for the processors to stop.
     */
    private void swapWhenStopped(StreamingEventProcessor live, StreamingEventProcessor rebuilding) {
        CompletableFuture.allOf(live.shutdownAsync(), rebuilding.shutdownAsync())
                .thenRun(this::swap)
                .whenComplete((swapped, failure) -> {
                    try {
                        live.start();
                    } finally {
                        if (failure == null) {
                            RebuildProgress done = progress.updateAndGet(p -> p.in(State.DONE));
                            log.info(
                                    "Dashboards rebuilt from {} events, {} events/s",
                                    done.eventsApplied(),
                                    done.eventsPerSecond());
                        } else {
                            failed(failure);
                        }
                    }
                });
    }

    private void failed(Throwable failure) {
        log.error("Rebuilding the dashboards failed; the live tables are untouched", failure);
        progress.updateAndGet(p -> p.failed(String.valueOf(failure.getMessage())));
        jdbc.execute("DROP SCHEMA IF EXISTS " + BUILD_SCHEMA + " CASCADE");
    }

    private void prepareBuildSchema() {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("DROP SCHEMA IF EXISTS " + BUILD_SCHEMA + " CASCADE");
            jdbc.execute("CREATE SCHEMA " + BUILD_SCHEMA);
            TABLES.forEach(table -> {
                jdbc.execute(
                        "CREATE TABLE " + BUILD_SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
                copyStatisticsTargets(table);
            });
        });
    }

    /**
     * {@code LIKE ... INCLUDING ALL} leaves the columns' statistics targets behind, and a table that lost them would
     * be analysed from ten times the sample its migration chose (db/booking-query V3). A target left at the default
     * is NULL, or -1 before PostgreSQL 17, and is not copied.
     */
    private void copyStatisticsTargets(String table) {
        String targetsSet = """
                SELECT attname, attstattarget FROM pg_attribute
                WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0""";
        jdbc.queryForList(targetsSet, "public." + table)
                .forEach(column -> jdbc.execute("ALTER TABLE " + BUILD_SCHEMA + "." + table + " ALTER COLUMN "
                        + column.get("attname") + " SET STATISTICS " + column.get("attstattarget")));
    }

    /**
     * One transaction: the new tables replace the old, and the live processor goes on from the rebuild's token. The
     * old tables' dead letters go with them, or they would be applied again onto the new ones; the rebuild's own take
     * their place, since the new tables lack exactly those events. The claim on the live token is taken over from
     * whichever instance holds it (with several booking-query instances, another one may process the dashboards):
     * tables and token change hands at once, and that instance finds its claim gone at its next extension and steps
     * back.
     */
    private void swap() {
        transactions.executeWithoutResult(status -> {
            TABLES.forEach(table -> {
                jdbc.execute("DROP TABLE public." + table);
                jdbc.execute("ALTER TABLE " + BUILD_SCHEMA + "." + table + " SET SCHEMA public");
            });
            jdbc.execute("DROP SCHEMA " + BUILD_SCHEMA);
            processing.deadLetterQueue(DashboardProjection.PROCESSING_GROUP).ifPresent(SequencedDeadLetterQueue::clear);
            jdbc.update(
                    "UPDATE deadletterentry SET processinggroup = ? WHERE processinggroup = ?",
                    DashboardProjection.PROCESSING_GROUP,
                    PROCESSING_GROUP);
            TrackingToken reached = WrappedToken.unwrapLowerBound(tokenStore.fetchToken(PROCESSING_GROUP, 0));
            tokenStore.releaseClaim(PROCESSING_GROUP, 0);
            if (reached != null) {
                jdbc.update(
                        "UPDATE tokenentry SET owner = NULL WHERE processorname = ? AND segment = 0",
                        DashboardProjection.PROCESSING_GROUP);
                tokenStore.fetchToken(DashboardProjection.PROCESSING_GROUP, 0);
                tokenStore.storeToken(reached, DashboardProjection.PROCESSING_GROUP, 0);
            }
        });
    }

    private StreamingEventProcessor liveProcessor() {
        return processing
                .eventProcessor(DashboardProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private StreamingEventProcessor rebuildingProcessor() {
        return processing
                .eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
