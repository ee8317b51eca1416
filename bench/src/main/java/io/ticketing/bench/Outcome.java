package io.ticketing.bench;

import java.util.Locale;
import java.util.Optional;

/** How a booking ended, as the dashboards' live stream tells it; a rejection is told apart by its reason. */
enum Outcome {
    CONFIRMED,
    /** The card was declined: the customer's doing, not the platform's. */
    DECLINED,
    /** The show had no seats left for it. */
    SOLD_OUT,
    /** The payment did not answer in time: the platform turned the booking away. */
    TIMED_OUT;

    /** @return nothing while the booking is pending, nor for what happens after it settled (a cancellation) */
    static Optional<Outcome> of(String status, String reason) {
        return switch (status) {
            case "CONFIRMED" -> Optional.of(CONFIRMED);
            case "REJECTED" -> Optional.of(rejection(reason.toLowerCase(Locale.ROOT)));
            default -> Optional.empty();
        };
    }

    private static Outcome rejection(String reason) {
        if (reason.contains("declined")) {
            return DECLINED;
        }
        if (reason.contains("timed out")) {
            return TIMED_OUT;
        }
        // Any other reason comes from the show: "Sold out", "Only 3 seats left".
        return SOLD_OUT;
    }
}
