package io.ticketing.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code --scenarios} chooses from; the PostgreSQL baseline always runs, as every figure is set against it. */
enum Scenario {

    /** Scenarios 1 and 2: flat out and paced, over four shows. */
    BOOKINGS(true),
    /** An on-sale burst: refusals are counted, not sent again. */
    BURST(true),
    /** Many clients after the few seats of one show, each refusal sent again after its Retry-After. */
    HOT(true),
    /** Scenarios 3 and 4, and a cold start, over a generated history. */
    HISTORY(false);

    /** Whether it places bookings, and so runs once per payment gateway latency. */
    final boolean placesBookings;

    Scenario(boolean placesBookings) {
        this.placesBookings = placesBookings;
    }

    /** {@code bookings,burst,hot,history}, in any order and case */
    static Set<Scenario> parse(String names) {
        try {
            return Arrays.stream(names.split(",")).map(name -> valueOf(name.trim().toUpperCase(Locale.ROOT)))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scenario.class)));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--scenarios takes some of " + EnumSet.allOf(Scenario.class)
                    .stream().map(scenario -> scenario.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(",")) + ", not " + names, unknown);
        }
    }
}
