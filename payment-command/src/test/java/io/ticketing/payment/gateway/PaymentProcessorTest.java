package io.ticketing.payment.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.payment.CompletePayment;
import io.ticketing.coreapi.payment.DeclinePayment;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.coreapi.payment.TimeOutPayment;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
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
    private final PaymentProcessor processor = new PaymentProcessor(
            new SimulatedPaymentGateway(Duration.ZERO),
            commandGateway,
            Duration.ofMillis(200),
            ObservationRegistry.NOOP);
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

        verify(commandGateway, timeout(5000))
                .send(ArgumentMatchers.<Object>argThat(command -> command instanceof CommandMessage<?> message
                        && message.getPayload().equals(new DeclinePayment(paymentId, "Card declined by the issuer"))));
    }

    @Test
    void aGatewaySilentPastTheTimeoutTimesThePaymentOut() {
        processor.on(requested("tok_timeout"));

        verify(commandGateway, timeout(5000))
                .send(ArgumentMatchers.<Object>argThat(command -> command instanceof CommandMessage<?> message
                        && message.getPayload().equals(new TimeOutPayment(paymentId, "Payment timed out"))));
    }

    @Test
    void aGatewayThatAnswersInTimeIsNeverTimedOut() {
        PaymentProcessor slowGateway = new PaymentProcessor(
                new SimulatedPaymentGateway(Duration.ofMillis(100)),
                commandGateway,
                Duration.ofMillis(400),
                ObservationRegistry.NOOP);

        slowGateway.on(requested("tok_visa"));

        verify(commandGateway, timeout(5000)).send(ArgumentMatchers.<Object>argThat(completes()));
        verify(commandGateway, after(800).never())
                .send(ArgumentMatchers.<Object>argThat(command -> command instanceof CommandMessage<?> message
                        && message.getPayload() instanceof TimeOutPayment));
    }

    private PaymentRequested requested(String token) {
        return new PaymentRequested(paymentId, new BookingId(UUID.randomUUID()), Money.of("20", "EUR"), token);
    }

    @Test
    void theAnswerCarriesTheFlowsMetadataOn() {
        DefaultUnitOfWork.startAndGet(new GenericEventMessage<>(requested("tok_visa"), MetaData.with("traceId", "t-1")))
                .execute(() -> {
                    CurrentUnitOfWork.get()
                            .registerCorrelationDataProvider(new SimpleCorrelationDataProvider("traceId"));
                    processor.on(requested("tok_visa"));
                });

        verify(commandGateway, timeout(5000))
                .send(ArgumentMatchers.<Object>argThat(command -> command instanceof CommandMessage<?> message
                        && "t-1".equals(message.getMetaData().get("traceId"))));
    }

    /** The call's span is the parent of the answer's: the booking's trace goes on through the gateway. */
    @Test
    void theAnswerIsSentWithinTheObservedGatewayCall() {
        ObservationRegistry observations = ObservationRegistry.create();
        List<String> stopped = new CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context.getName());
            }
        });
        AtomicReference<String> observedWhileSending = new AtomicReference<>();
        when(commandGateway.send(any())).thenAnswer(sending -> {
            observedWhileSending.set(
                    observations.getCurrentObservation().getContext().getName());
            return CompletableFuture.completedFuture(null);
        });

        new PaymentProcessor(
                        new SimulatedPaymentGateway(Duration.ZERO),
                        commandGateway,
                        Duration.ofMillis(200),
                        observations)
                .on(requested("tok_visa"));

        verify(commandGateway, timeout(5000)).send(ArgumentMatchers.<Object>argThat(completes()));
        assertThat(observedWhileSending).hasValue(PaymentProcessor.GATEWAY_CALL);
        assertThat(stopped).containsExactly(PaymentProcessor.GATEWAY_CALL);
    }

    private ArgumentMatcher<Object> completes() {
        return command -> command instanceof CommandMessage<?> message
                && message.getPayload() instanceof CompletePayment complete
                && complete.paymentId().equals(paymentId)
                && complete.gatewayTransactionId().startsWith("sim_");
    }
}
