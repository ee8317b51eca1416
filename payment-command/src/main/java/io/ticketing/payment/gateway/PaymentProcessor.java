package io.ticketing.payment.gateway;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.coreapi.payment.CompletePayment;
import io.ticketing.coreapi.payment.DeclinePayment;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.coreapi.payment.TimeOutPayment;
import io.ticketing.payment.gateway.PaymentGateway.Approved;
import io.ticketing.payment.gateway.PaymentGateway.Declined;
import io.ticketing.payment.gateway.PaymentGateway.Outcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes requested payments to the gateway, outside any aggregate's lock, and feeds the answer back to the payment
 * as a command. A replay must never charge anyone again.
 * <p>
 * The payment timeout is measured here, from the moment the gateway is called, so that it means "the gateway was
 * silent" and never "the platform was busy": however far behind a processor is, an approval is never timed out.
 * <p>
 * The call is observed ({@value #GATEWAY_CALL}): a span in the booking's trace and a timer of the provider's
 * latency. The answer is sent within it, so the trace goes on from the gateway to the payment and the saga.
 */
@Component
@ProcessingGroup(PaymentProcessor.PROCESSING_GROUP)
class PaymentProcessor {

    static final String PROCESSING_GROUP = "payment-gateway";
    static final String GATEWAY_CALL = "payment.gateway.charge";
    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    private final PaymentGateway gateway;
    private final CommandGateway commandGateway;
    private final Duration timeout;
    private final ObservationRegistry observations;

    PaymentProcessor(
            PaymentGateway gateway,
            CommandGateway commandGateway,
            @Value("${payment.gateway.timeout}") Duration timeout,
            ObservationRegistry observations) {
        this.gateway = gateway;
        this.commandGateway = commandGateway;
        this.timeout = timeout;
        this.observations = observations;
    }

    @EventHandler
    @DisallowReplay
    void on(PaymentRequested event) {
        // The answer comes after this handler's unit of work is gone; it carries the flow's metadata on.
        MetaData flow = MetaData.from(CurrentUnitOfWork.correlationData());
        Observation call = Observation.start(GATEWAY_CALL, observations);
        gateway.charge(event.paymentId(), event.amount(), event.paymentToken())
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((outcome, failure) -> {
                    if (failure != null) {
                        call.error(failure);
                    }
                    call.stop();
                    return answer(event, outcome, failure);
                })
                .thenCompose(command -> call.scoped(() -> commandGateway.send(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(flow))))
                .exceptionally(failure -> {
                    // The saga's safety net times out a payment whose answer could not be recorded.
                    log.warn("The gateway's answer for payment {} could not be recorded", event.paymentId(), failure);
                    return null;
                });
    }

    private static Object answer(PaymentRequested event, Outcome outcome, Throwable failure) {
        if (failure instanceof TimeoutException) {
            return new TimeOutPayment(event.paymentId(), TimeOutPayment.REASON);
        }
        if (failure != null) {
            throw new IllegalStateException("The gateway failed to charge payment " + event.paymentId(), failure);
        }
        return outcome instanceof Approved approved
                ? new CompletePayment(event.paymentId(), approved.transactionId())
                : new DeclinePayment(event.paymentId(), ((Declined) outcome).reason());
    }
}
