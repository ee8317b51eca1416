package io.ticketing.payment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.payment.gateway.PaymentGateway.Approved;
import io.ticketing.payment.gateway.PaymentGateway.Declined;
import io.ticketing.payment.gateway.PaymentGateway.Outcome;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest {

    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(Duration.ofMillis(20));
    private final Money fifty = Money.of("50", "EUR");

    @Test
    void approvesAnyOrdinaryToken() throws Exception {
        Outcome outcome = gateway.charge(new PaymentId(UUID.randomUUID()), fifty, "tok_visa")
                .get(5, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(Approved.class);
    }

    @Test
    void declinesTheDeclinedToken() throws Exception {
        Outcome outcome = gateway.charge(new PaymentId(UUID.randomUUID()), fifty, "tok_declined")
                .get(5, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(Declined.class);
    }

    @Test
    void neverAnswersTheTimeoutToken() {
        CompletableFuture<Outcome> answer = gateway.charge(new PaymentId(UUID.randomUUID()), fifty, "tok_timeout");

        assertThat(answer).failsWithin(Duration.ofMillis(300));
    }

    @Test
    void aChargeAskedForAgainWhileInFlightIsTheSameCharge() throws Exception {
        SimulatedPaymentGateway slow = new SimulatedPaymentGateway(Duration.ofMillis(300));
        PaymentId paymentId = new PaymentId(UUID.randomUUID());

        CompletableFuture<Outcome> first = slow.charge(paymentId, fifty, "tok_visa");
        CompletableFuture<Outcome> second = slow.charge(paymentId, fifty, "tok_visa");

        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(first.get(5, TimeUnit.SECONDS));
    }

    @Test
    void answersAfterItsLatency() {
        SimulatedPaymentGateway slow = new SimulatedPaymentGateway(Duration.ofMillis(400));

        CompletableFuture<Outcome> answer = slow.charge(new PaymentId(UUID.randomUUID()), fifty, "tok_visa");

        assertThat(answer).isNotDone();
        assertThat(answer).succeedsWithin(Duration.ofSeconds(5));
    }
}
