package io.ticketing.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.booking.command.Show;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;

class GrowingSnapshotTriggerDefinitionTest {

    private static final String SHOW = "show-1";

    /** The sequence number of the event after which each snapshot was asked for. */
    private final List<Long> snapshotsAfter = new ArrayList<>();

    private long lastEvent = -1;
    private final Snapshotter snapshotter = (type, aggregateId) -> snapshotsAfter.add(lastEvent);
    private final GrowingSnapshotTriggerDefinition definition =
            new GrowingSnapshotTriggerDefinition(snapshotter, 100, 10);

    @Test
    void aYoungShowIsSnapshottedEveryHundredEvents() {
        SnapshotTrigger trigger = definition.prepareTrigger(Show.class);

        handle(trigger, 0, 1_000);

        assertThat(snapshotsAfter).containsExactly(99L, 199L, 299L, 399L, 499L, 599L, 699L, 799L, 899L, 999L);
    }

    @Test
    void aLargeShowIsSnapshottedOnceATenthOfItsEventsAreNew() {
        SnapshotTrigger trigger = definition.prepareTrigger(Show.class);

        handle(trigger, 0, 20_000);

        // A snapshot every hundred events would have been 200.
        assertThat(snapshotsAfter).hasSize(38);
        assertThat(snapshotsAfter.subList(10, 12)).containsExactly(1_111L, 1_235L);
        assertThat(snapshotsAfter.subList(35, 38)).containsExactly(15_538L, 17_265L, 19_184L);
    }

    @Test
    void aShowLoadedFromItsSnapshotCountsOnFromIt() {
        SnapshotTrigger trigger = definition.prepareTrigger(Show.class);

        // The snapshot stands for the show's first 5,000 events, as the event store hands it over.
        handle(trigger, 4_999, 5_000);
        handle(trigger, 5_000, 6_000);

        assertThat(snapshotsAfter).containsExactly(5_554L);
    }

    @Test
    void aTriggerBackFromACacheKeepsItsCountAndTakesTheNewSnapshotter() {
        SnapshotTrigger trigger = definition.prepareTrigger(Show.class);
        handle(trigger, 0, 150);
        List<Long> askedOfTheNewOne = new ArrayList<>();
        GrowingSnapshotTriggerDefinition afterRestart =
                new GrowingSnapshotTriggerDefinition((type, id) -> askedOfTheNewOne.add(lastEvent), 100, 10);

        SnapshotTrigger reconfigured = afterRestart.reconfigure(Show.class, trigger);
        handle(reconfigured, 150, 200);

        assertThat(snapshotsAfter).containsExactly(99L);
        assertThat(askedOfTheNewOne).containsExactly(199L);
    }

    private void handle(SnapshotTrigger trigger, long first, long end) {
        for (long sequence = first; sequence < end; sequence++) {
            lastEvent = sequence;
            trigger.eventHandled(new GenericDomainEventMessage<>("Show", SHOW, sequence, "event " + sequence));
        }
    }
}
