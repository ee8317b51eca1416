package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void aPhaseCountsTheBenchsOwnCpuPerConfirmedBookingEvenWithNoPlatformProcessToRead() throws Exception {
        Phase phase =
                new Phase(2, ProcessCpu.none(), ProcessCpu.none(), DatabaseActivity.none(), DiskSyncs.none(), () -> 0);
        phase.start();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        for (UUID booking : new UUID[] {first, second}) {
            phase.sending(booking);
            phase.answered(202, System.nanoTime());
        }
        burnCpu(Duration.ofMillis(400));
        phase.settled(first, Outcome.CONFIRMED);
        phase.settled(second, Outcome.CONFIRMED);
        phase.awaitSettled();

        Phase.Figures figures = phase.figures();
        // Half of at least 400 ms for each of two bookings; the clock ticks every 10 ms.
        assertThat(figures.benchMillisPerConfirmed()).isGreaterThan(180.0);
        assertThat(figures.cpuMillisPerConfirmed()).isNull();
        assertThat(figures.databaseMillisPerConfirmed()).isNull();
        assertThat(figures.transactionsPerConfirmed()).isNull();
        assertThat(figures.walFlushesPerConfirmed()).isNull();
        assertThat(figures.walKiBPerConfirmed()).isNull();
    }

    /** Spins on this thread until it has used {@code cpu} of processor time. */
    private static void burnCpu(Duration cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
        while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }
}
