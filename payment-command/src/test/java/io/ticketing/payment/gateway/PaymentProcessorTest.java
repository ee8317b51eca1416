package io.ticketing.payment.gateway;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.payment.CompletePayment;
import io.ticketing.coreapi.payment.DeclinePayment;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.coreapi.payment.TimeOutPayment;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.mockito.ArgumentMatchers;

class PaymentProcessorTest {

    private final CommandGateway commandGateway = mock(CommandGateway.class);
    private final PaymentProcessor processor =
            new PaymentProcessor(new SimulatedPaymentGateway(Duration.ZERO), commandGateway, Duration.ofMillis(200));
    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());

    @BeforeEach
    void commandsSucceed() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));
    }

    @Test
    void anApprovalCompletesThePayment() {
        processor.on(requested("tok_visa"));

        verify(commandGateway, timeout(5000)).send(ArgumentMatchers.<Object>argThat(completes()));
    }

    @Test
    void aDeclineDeclinesThePaymentWithTheGatewaysReason() {
        processor.on(requested("tok_declined"));

        verify(commandGateway, timeout(5000)).send(ArgumentMatchers.<Object>argThat(command ->
                command instanceof CommandMessage<?> message
                        && message.getPayload().equals(new DeclinePayment(paymentId, "Card declined by the issuer"))));
    }

    @Test
    void aGatewaySilentPastTheTimeoutTimesThePaymentOut() {
        processor.on(requested("tok_timeout"));

        verify(commandGateway, timeout(5000)).send(ArgumentMatchers.<Object>argThat(command ->
                command instanceof CommandMessage<?> message
                        && message.getPayload().equals(new TimeOutPayment(paymentId, "Payment timed out"))));
    }

    @Test
    void aGatewayThatAnswersInTimeIsNeverTimedOut() {
        PaymentProcessor slowGateway = new PaymentProcessor(new SimulatedPaymentGateway(Duration.ofMillis(100)),
                commandGateway, Duration.ofMillis(400));

        slowGateway.on(requested("tok_visa"));

        verify(commandGateway, timeout(5000)).send(ArgumentMatchers.<Object>argThat(completes()));
        verify(commandGateway, after(800).never()).send(ArgumentMatchers.<Object>argThat(command ->
                command instanceof CommandMessage<?> message && message.getPayload() instanceof TimeOutPayment));
    }

    private PaymentRequested requested(String token) {
        return new PaymentRequested(paymentId, new BookingId(UUID.randomUUID()), Money.of("20", "EUR"), token);
    }

    @Test
    void theAnswerCarriesTheFlowsMetadataOn() {
        DefaultUnitOfWork.startAndGet(new GenericEventMessage<>(requested("tok_visa"), MetaData.with("traceId", "t-1")))
                .execute(() -> {
                    CurrentUnitOfWork.get().registerCorrelationDataProvider(new SimpleCorrelationDataProvider("traceId"));
                    processor.on(requested("tok_visa"));
                });

        verify(commandGateway, timeout(5000)).send(ArgumentMatchers.<Object>argThat(command ->
                command instanceof CommandMessage<?> message && "t-1".equals(message.getMetaData().get("traceId"))));
    }

    private ArgumentMatcher<Object> completes() {
        return command -> command instanceof CommandMessage<?> message
                && message.getPayload() instanceof CompletePayment complete && complete.paymentId().equals(paymentId)
                && complete.gatewayTransactionId().startsWith("sim_");
    }
}
