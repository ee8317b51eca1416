package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.bench.BookingLoad.Capacity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityTest {

    private final Capacity ladder = new Capacity(List.of(90, 50, 70), 20, 150);

    @Test
    void climbsFromItsLowestRate() {
        assertThat(ladder.rates()).containsExactly(50, 70, 90);
        assertThat(ladder.bookingsAt(70)).isEqualTo(1400);
    }

    @Test
    void sustainsTheHighestRateOfTheStepsKeptUpWithFromTheBottom() {
        Map<String, Phase.Figures> steps = steps(keptUpWith(50), keptUpWith(70), withP99(90, 151));

        assertThat(ladder.sustainedRate(steps)).isEqualTo(70);
    }

    @Test
    void aStepKeptUpWithAboveAMissedOneDoesNotCount() {
        Map<String, Phase.Figures> steps = steps(keptUpWith(50), withP99(70, 200), keptUpWith(90));

        assertThat(ladder.sustainedRate(steps)).isEqualTo(50);
    }

    @Test
    void sustainsNothingWhenTheLowestStepIsMissed() {
        assertThat(ladder.sustainedRate(steps(withP99(50, 150), keptUpWith(70), keptUpWith(90))))
                .isZero();
    }

    @Test
    void aStepIsMissedByWhatItLeftPendingRefusedOrTimedOutOrByNotBeingSentAtItsRate() {
        assertThat(ladder.keptUpWith(70, keptUpWith(70))).isTrue();
        assertThat(ladder.keptUpWith(70, step(70, 1, 0, 0, 70, 100)))
                .as("pending")
                .isFalse();
        assertThat(ladder.keptUpWith(70, step(70, 0, 1, 0, 70, 100)))
                .as("refused or timed out")
                .isFalse();
        assertThat(ladder.keptUpWith(70, step(70, 0, 0, 1, 70, 100)))
                .as("other errors")
                .isFalse();
        assertThat(ladder.keptUpWith(70, step(70, 0, 0, 0, 66, 100)))
                .as("sent late")
                .isFalse();
    }

    private Map<String, Phase.Figures> steps(Phase.Figures... steps) {
        Map<String, Phase.Figures> phases = new HashMap<>();
        List<Integer> rates = ladder.rates();
        for (int i = 0; i < steps.length; i++) {
            phases.put(Capacity.stepName(rates.get(i)), steps[i]);
        }
        return phases;
    }

    private static Phase.Figures keptUpWith(int rate) {
        return withP99(rate, 120);
    }

    private static Phase.Figures withP99(int rate, double p99) {
        return step(rate, 0, 0, 0, rate, p99);
    }

    private static Phase.Figures step(
            int rate, int pendingLeft, int rejectedByPlatform, int otherErrors, double acceptedPerSecond, double p99) {
        int accepted = rate * 20;
        Phase.Outcomes outcomes = new Phase.Outcomes(
                accepted - pendingLeft, 0, 0, rejectedByPlatform, 0, otherErrors, rejectedByPlatform);
        return new Phase.Figures(
                accepted,
                accepted,
                accepted - pendingLeft,
                pendingLeft,
                outcomes,
                acceptedPerSecond,
                acceptedPerSecond,
                acceptedPerSecond,
                1,
                1,
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                20,
                40,
                60,
                p99 / 2,
                p99 * 0.9,
                p99);
    }
}
