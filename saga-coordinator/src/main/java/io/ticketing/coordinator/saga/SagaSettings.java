package io.ticketing.coordinator.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param paymentTimeout how long a booking waits for its payment before the saga compensates
 * @param stuckAfter     how long an active saga may go unchanged before operators see it flagged
 */
@ConfigurationProperties("saga")
public record SagaSettings(Duration paymentTimeout, Duration stuckAfter) {

    public SagaSettings {
        paymentTimeout = paymentTimeout == null ? Duration.ofSeconds(30) : paymentTimeout;
        stuckAfter = stuckAfter == null ? Duration.ofMinutes(2) : stuckAfter;
    }
}
