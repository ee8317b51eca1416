package io.ticketing.coordinator.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param paymentTimeout how long the payment gateway has to answer; the payment service times the call out
 * @param stuckAfter     how long an active saga may go unchanged before operators see it flagged
 */
@ConfigurationProperties("saga")
public record SagaSettings(Duration paymentTimeout, Duration stuckAfter) {

    public SagaSettings {
        paymentTimeout = paymentTimeout == null ? Duration.ofSeconds(30) : paymentTimeout;
        stuckAfter = stuckAfter == null ? Duration.ofMinutes(2) : stuckAfter;
    }

    /**
     * When the saga asks for the payment's timeout itself: the payment service should have timed it out long
     * before, unless it lost the gateway call in a crash.
     */
    public Duration paymentSafetyNet() {
        return paymentTimeout.multipliedBy(2);
    }
}
