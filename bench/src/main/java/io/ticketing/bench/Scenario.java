package io.ticketing.bench;

/** What {@code --scenarios} chooses from; the PostgreSQL baseline always runs, as every figure is set against it. */
enum Scenario {

    /** Scenarios 1 and 2: flat out and paced, over four shows. */
    BOOKINGS(true),
    /** An on-sale burst: refusals are counted, not sent again. */
    BURST(true),
    /** Many clients after the few seats of one show, each refusal sent again after its Retry-After. */
    HOT(true),
    /**
     * Paced steps at rising rates: the highest rate up to which every step kept up within the latency bound is the
     * platform's sustainable rate, a figure that moves by steps where one rate's p99 near the machine's limit jumps.
     */
    CAPACITY(true),
    /** Scenarios 3 and 4, and a cold start, over a generated history. */
    HISTORY(false);

    /** Whether it places bookings, and so runs once per payment gateway latency. */
    final boolean placesBookings;

    Scenario(boolean placesBookings) {
        this.placesBookings = placesBookings;
    }
}
