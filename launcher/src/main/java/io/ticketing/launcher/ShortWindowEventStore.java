/*
 * Copyright (c) 2010-2023. Axon Framework
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *    http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.ticketing.launcher;

import static java.util.stream.Collectors.toList;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import javax.annotation.Nonnull;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.io.IOUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon 4.12.2's {@link EmbeddedEventStore}, with its options fixed as the standalone platform uses them, and two
 * changes: an event trimmed from the window of recent events that the event processors' streams share lets go of the
 * events after it, and the reader that fills the window waits for the next commit after a read that found events,
 * where Axon's reads again at once ({@link EventProducer#run()}).
 * <p>
 * The window is a linked list. Axon's trims it by moving its start on, and each event trimmed keeps its link to the
 * next. Once the collector has moved one event of the list to the old generation, as a full collection or an idle hour
 * does, that event, dead or not, keeps the next one alive at every young collection until it too is old: every event
 * the platform reads then reaches the old generation, whatever the window's size. At 100 bookings a second that was
 * most of what the young collections promoted, which filled the old generation for a full collection every few
 * minutes (docs/benchmarks.md, twenty-seventh round). Unlinked, a trimmed event is garbage to a young collection too,
 * and a window shorter than the time between young collections lets the events die young.
 * <p>
 * A stream standing on a trimmed event finds no next one there; it sees that it is behind the window, as Axon's does
 * once the window has moved past it, and reads on from the storage engine. The changes end with Axon Framework 5,
 * which drops this store.
 */
final class ShortWindowEventStore extends AbstractEventStore implements Lifecycle {

    private static final Logger logger = LoggerFactory.getLogger(ShortWindowEventStore.class);

    /** Axon's, so that the store's threads keep the names that profiles and docs/benchmarks.md know them by. */
    private static final ThreadGroup THREAD_GROUP = new ThreadGroup(EmbeddedEventStore.class.getSimpleName());

    private static final long FETCH_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long READ_AGAIN_AFTER_EVENTS_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long CLEANUP_DELAY_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final Lock consumerLock = new ReentrantLock();
    private final Condition consumableEventsCondition = consumerLock.newCondition();
    private final Set<EventConsumer> tailingConsumers = new CopyOnWriteArraySet<>();
    private final EventProducer producer;
    private final ThreadFactory threadFactory = new AxonThreadFactory(THREAD_GROUP);
    private final ScheduledExecutorService cleanupService = Executors.newScheduledThreadPool(1, threadFactory);
    private final AtomicBoolean producerStarted = new AtomicBoolean();
    private volatile Node oldest;

    private ShortWindowEventStore(Builder builder, int windowEvents) {
        super(builder);
        producer = new EventProducer(windowEvents);
    }

    /** A store of {@code storageEngine}'s events whose streams share a window of the last {@code windowEvents}. */
    static ShortWindowEventStore over(EventStorageEngine storageEngine, int windowEvents) {
        if (windowEvents <= 0) {
            throw new IllegalArgumentException("The window holds at least one event, not " + windowEvents);
        }
        Builder builder = new Builder();
        builder.storageEngine(storageEngine);
        return new ShortWindowEventStore(builder, windowEvents);
    }

    /** Closes every stream that reads the window, and stops reading the storage engine. */
    void shutDown() {
        tailingConsumers.forEach(IOUtils::closeQuietly);
        IOUtils.closeQuietly(producer);
        cleanupService.shutdownNow();
    }

    private void ensureProducerStarted() {
        if (producerStarted.compareAndSet(false, true)) {
            threadFactory
                    .newThread(() -> {
                        try {
                            producer.run();
                        } catch (InterruptedException e) {
                            logger.warn("Producer thread was interrupted. Shutting down event store.", e);
                            Thread.currentThread().interrupt();
                        }
                    })
                    .start();
            cleanupService.scheduleWithFixedDelay(
                    new Cleaner(), CLEANUP_DELAY_MILLIS, CLEANUP_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        producer.fetchIfWaiting();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        Node node = findNode(trackingToken);
        EventConsumer eventConsumer;
        if (node != null) {
            eventConsumer = new EventConsumer(node);
            tailingConsumers.add(eventConsumer);
        } else {
            eventConsumer = new EventConsumer(trackingToken);
        }
        return eventConsumer;
    }

    private Node findNode(TrackingToken trackingToken) {
        Node node = oldest;
        while (node != null && !node.event.trackingToken().equals(trackingToken)) {
            node = node.next;
        }
        return node;
    }

    @Override
    public void registerLifecycleHandlers(@Nonnull LifecycleRegistry handle) {
        handle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 10, this::shutDown);
    }

    private static void signalAll(Lock lock, Condition condition) {
        lock.lock();
        try {
            condition.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static final class Node {

        private final long index;
        private final TrackingToken previousToken;
        private final TrackedEventMessage<?> event;
        private volatile Node next;

        private Node(long index, TrackingToken previousToken, TrackedEventMessage<?> event) {
            this.index = index;
            this.previousToken = previousToken;
            this.event = event;
        }
    }

    private final class EventProducer implements AutoCloseable {

        private final Lock lock = new ReentrantLock();
        private final Condition dataAvailableCondition = lock.newCondition();
        private final int cachedEvents;
        private volatile boolean shouldFetch;
        private volatile boolean closed;
        private Stream<? extends TrackedEventMessage<?>> eventStream;
        private Node newest;

        private EventProducer(int cachedEvents) {
            this.cachedEvents = cachedEvents;
        }

        /**
         * Reads, then waits until an append commits: at most a second after a read that found nothing, as Axon's
         * does, and a short while after one that found events, where Axon's reads again at once. That read nearly
         * always found nothing, a statement and a transaction of the event store's database each time; at a sale's
         * pace the next commit comes within the short wait, and the read after it finds that commit's events. A
         * commit after a read wakes the reader at once. Events already committed that a read did not reach wait for
         * the next read, at most the short wait: the storage engine reads on while its batches come back full, so
         * those are only events stored beyond more uncommitted indexes than a batch is wide.
         */
        private void run() throws InterruptedException {
            while (!closed) {
                shouldFetch = false;
                waitForData(fetchData() ? READ_AGAIN_AFTER_EVENTS_NANOS : FETCH_DELAY_NANOS);
            }
        }

        /** Until an append commits, or {@code nanos} have passed; not at all if one committed since the last read. */
        private void waitForData(long nanos) throws InterruptedException {
            lock.lock();
            try {
                if (!shouldFetch) {
                    dataAvailableCondition.awaitNanos(nanos);
                }
            } finally {
                lock.unlock();
            }
        }

        private void fetchIfWaiting() {
            shouldFetch = true;
            signalAll(lock, dataAvailableCondition);
        }

        private boolean fetchData() {
            Node currentNewest = newest;
            if (!tailingConsumers.isEmpty()) {
                try {
                    eventStream = storageEngine().readEvents(lastToken(), true);
                    eventStream.forEach(event -> {
                        Node node = new Node(nextIndex(), lastToken(), event);
                        if (newest != null) {
                            newest.next = node;
                        }
                        newest = node;
                        if (oldest == null) {
                            oldest = node;
                        }
                        notifyConsumers();
                        trimCache();
                    });
                } catch (Exception e) {
                    logger.error("Failed to read events from the underlying event storage", e);
                }
            }
            return !Objects.equals(newest, currentNewest);
        }

        private TrackingToken lastToken() {
            if (newest == null) {
                List<TrackingToken> tokens =
                        tailingConsumers.stream().map(EventConsumer::lastToken).collect(toList());
                return tokens.isEmpty() || tokens.contains(null) ? null : tokens.get(0);
            }
            return newest.event.trackingToken();
        }

        private long nextIndex() {
            return newest == null ? 0 : newest.index + 1;
        }

        private void notifyConsumers() {
            signalAll(consumerLock, consumableEventsCondition);
        }

        /**
         * Moves the window's start on, then unlinks the events it left behind: a stream on one of them is behind the
         * window by then, so it reads on from the storage engine rather than wait for a next event there.
         */
        private void trimCache() {
            Node trimmed = oldest;
            Node last = oldest;
            while (newest != null && last != null && newest.index - last.index >= cachedEvents) {
                last = last.next;
            }
            oldest = last;
            while (trimmed != null && trimmed != last) {
                Node following = trimmed.next;
                trimmed.next = null;
                trimmed = following;
            }
        }

        @Override
        public void close() {
            closed = true;
            if (eventStream != null) {
                eventStream.close();
            }
        }
    }

    private final class EventConsumer implements TrackingEventStream {

        private Stream<? extends TrackedEventMessage<?>> privateStream;
        private Iterator<? extends TrackedEventMessage<?>> privateIterator;
        private volatile TrackingToken lastToken;
        private volatile Node lastNode;
        private TrackedEventMessage<?> peekedEvent;

        private EventConsumer(Node lastNode) {
            this(lastNode.event.trackingToken());
            this.lastNode = lastNode;
        }

        private EventConsumer(TrackingToken startToken) {
            this.lastToken = startToken;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(peekedEvent == null && !hasNextAvailable() ? null : peekedEvent);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return peekedEvent != null || (peekedEvent = peek(timeout, unit)) != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (peekedEvent == null) {
                peekedEvent = peek(Integer.MAX_VALUE, TimeUnit.MILLISECONDS);
            }
            TrackedEventMessage<?> result = peekedEvent;
            peekedEvent = null;
            return result;
        }

        private TrackedEventMessage<?> peek(int timeout, TimeUnit timeUnit) throws InterruptedException {
            boolean allowSwitchToTailingConsumer = true;
            if (tailingConsumers.contains(this)) {
                if (!behindGlobalCache()) {
                    return peekGlobalStream(timeout, timeUnit);
                }
                stopTailingGlobalStream();
                // Switching straight back could recurse until the stack overflows.
                allowSwitchToTailingConsumer = false;
            }
            return peekPrivateStream(allowSwitchToTailingConsumer, timeout, timeUnit);
        }

        private boolean behindGlobalCache() {
            return oldest != null && (this.lastNode != null ? this.lastNode.index < oldest.index : nextNode() == null);
        }

        private void stopTailingGlobalStream() {
            tailingConsumers.remove(this);
            this.lastNode = null;
        }

        private TrackedEventMessage<?> peekGlobalStream(int timeout, TimeUnit timeUnit) throws InterruptedException {
            Node nextNode;
            if ((nextNode = nextNode()) == null && timeout > 0) {
                consumerLock.lock();
                try {
                    if (consumableEventsCondition.await(timeout, timeUnit)) {
                        nextNode = nextNode();
                    }
                } finally {
                    consumerLock.unlock();
                }
            }
            if (nextNode != null) {
                if (tailingConsumers.contains(this)) {
                    lastNode = nextNode;
                }
                lastToken = nextNode.event.trackingToken();
                return nextNode.event;
            }
            return null;
        }

        private TrackedEventMessage<?> peekPrivateStream(
                boolean allowSwitchToTailingConsumer, int timeout, TimeUnit timeUnit) throws InterruptedException {
            if (privateIterator == null) {
                privateStream = storageEngine().readEvents(lastToken, false);
                privateIterator = privateStream.iterator();
            }
            if (privateIterator.hasNext()) {
                TrackedEventMessage<?> nextEvent = privateIterator.next();
                lastToken = nextEvent.trackingToken();
                return nextEvent;
            } else if (allowSwitchToTailingConsumer) {
                closePrivateStream();
                lastNode = findNode(lastToken);
                tailingConsumers.add(this);
                ensureProducerStarted();
                return timeout > 0 ? peek(timeout, timeUnit) : null;
            }
            consumerLock.lock();
            try {
                if (consumableEventsCondition.await(timeout, timeUnit) && privateIterator.hasNext()) {
                    TrackedEventMessage<?> nextEvent = privateIterator.next();
                    lastToken = nextEvent.trackingToken();
                    return nextEvent;
                }
                return null;
            } finally {
                consumerLock.unlock();
            }
        }

        private Node nextNode() {
            Node node = lastNode;
            if (node != null) {
                return node.next;
            }
            node = oldest;
            while (node != null && !Objects.equals(node.previousToken, lastToken)) {
                node = node.next;
            }
            return node;
        }

        private TrackingToken lastToken() {
            return lastToken;
        }

        @Override
        public void close() {
            closePrivateStream();
            stopTailingGlobalStream();
        }

        private void closePrivateStream() {
            Optional.ofNullable(privateStream).ifPresent(stream -> {
                privateStream = null;
                privateIterator = null;
                stream.close();
            });
        }
    }

    private final class Cleaner implements Runnable {

        @Override
        public void run() {
            Node oldestCachedNode = oldest;
            if (oldestCachedNode == null || oldestCachedNode.previousToken == null) {
                return;
            }
            tailingConsumers.stream().filter(EventConsumer::behindGlobalCache).forEach(consumer -> {
                logger.debug("An event stream runs behind the window of recent events; it reads its own.");
                consumer.stopTailingGlobalStream();
            });
        }
    }

    private static final class Builder extends AbstractEventStore.Builder {}
}
