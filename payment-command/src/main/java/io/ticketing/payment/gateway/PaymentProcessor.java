package io.ticketing.payment.gateway;

import io.ticketing.coreapi.payment.CompletePayment;
import io.ticketing.coreapi.payment.DeclinePayment;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.payment.gateway.PaymentGateway.Approved;
import io.ticketing.payment.gateway.PaymentGateway.Declined;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes requested payments to the gateway, outside any aggregate's lock, and feeds the answer back to the payment
 * as a command. A replay must never charge anyone again.
 */
@Component
@ProcessingGroup(PaymentProcessor.PROCESSING_GROUP)
class PaymentProcessor {

    static final String PROCESSING_GROUP = "payment-gateway";
    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    private final PaymentGateway gateway;
    private final CommandGateway commandGateway;

    PaymentProcessor(PaymentGateway gateway, CommandGateway commandGateway) {
        this.gateway = gateway;
        this.commandGateway = commandGateway;
    }

    @EventHandler
    @DisallowReplay
    void on(PaymentRequested event) {
        // The answer comes after this handler's unit of work is gone; it carries the flow's metadata on.
        MetaData flow = MetaData.from(CurrentUnitOfWork.correlationData());
        gateway.charge(event.paymentId(), event.amount(), event.paymentToken())
                .thenCompose(outcome -> commandGateway.send(GenericCommandMessage.asCommandMessage(
                        outcome instanceof Approved approved
                                ? new CompletePayment(event.paymentId(), approved.transactionId())
                                : new DeclinePayment(event.paymentId(), ((Declined) outcome).reason()))
                        .andMetaData(flow)))
                .exceptionally(failure -> {
                    // The saga's deadline gives up on a payment whose answer never arrives.
                    log.warn("The gateway's answer for payment {} could not be recorded", event.paymentId(), failure);
                    return null;
                });
    }
}
