package io.ticketing.payment.gateway;

import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A built-in provider that answers by payment token, like real providers' test tokens: {@value #DECLINED} is
 * declined, {@value #NO_ANSWER} is never answered, and any other token is approved; each answer comes after the
 * configured latency. It simulates charges only: refunds and voids happen in the payment's events, not here.
 */
public class SimulatedPaymentGateway implements PaymentGateway {

    public static final String DECLINED = "tok_declined";
    public static final String NO_ANSWER = "tok_timeout";

    private final Duration latency;
    private final Map<PaymentId, CompletableFuture<Outcome>> charges = new ConcurrentHashMap<>();

    public SimulatedPaymentGateway(Duration latency) {
        this.latency = latency;
    }

    /** A charge asked for again while the first is in flight gets the first's answer; answered ones are forgotten. */
    @Override
    public CompletableFuture<Outcome> charge(PaymentId paymentId, Money amount, String paymentToken) {
        if (NO_ANSWER.equals(paymentToken)) {
            return new CompletableFuture<>();
        }
        CompletableFuture<Outcome> charge = charges.computeIfAbsent(paymentId, id -> answer(paymentToken));
        charge.whenComplete((outcome, failure) -> charges.remove(paymentId, charge));
        return charge;
    }

    private CompletableFuture<Outcome> answer(String paymentToken) {
        Outcome outcome = DECLINED.equals(paymentToken)
                ? new Declined("Card declined by the issuer")
                : new Approved("sim_" + UUID.randomUUID());
        // Completed on the JDK's one delay thread: the default async pool starts a thread per task on two cores.
        Executor afterLatency =
                CompletableFuture.delayedExecutor(latency.toNanos(), TimeUnit.NANOSECONDS, Runnable::run);
        return CompletableFuture.supplyAsync(() -> outcome, afterLatency);
    }
}
