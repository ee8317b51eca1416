package io.ticketing.payment.gateway;

import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import java.util.concurrent.CompletableFuture;

/**
 * A payment provider. Charging is asynchronous: a slow provider holds no thread and no lock. The payment id is the
 * idempotency key, as real providers take one: charging the same payment twice takes the money once.
 */
public interface PaymentGateway {

    /** Completes when the provider answers; never, if it never does. */
    CompletableFuture<Outcome> charge(PaymentId paymentId, Money amount, String paymentToken);

    sealed interface Outcome {}

    record Approved(String transactionId) implements Outcome {}

    record Declined(String reason) implements Outcome {}
}
