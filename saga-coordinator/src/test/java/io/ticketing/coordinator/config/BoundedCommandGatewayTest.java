package io.ticketing.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedCommandGatewayTest {

    private final AsynchronousCommandBus commandBus =
            AsynchronousCommandBus.builder().build();
    private final BoundedCommandGateway gateway = new BoundedCommandGateway(
            DefaultCommandGateway.builder().commandBus(commandBus).build(), 2);
    private final CountDownLatch handlersMayFinish = new CountDownLatch(1);
    private final AtomicInteger handlersStarted = new AtomicInteger();

    @AfterEach
    void stopTheBus() {
        handlersMayFinish.countDown();
        commandBus.shutdown();
    }

    @Test
    void aSenderWaitsWhileTheBoundIsInFlightAndGoesOnWhenOneIsAnswered() throws Exception {
        commandBus.subscribe(String.class.getName(), command -> {
            handlersStarted.incrementAndGet();
            handlersMayFinish.await();
            return command.getPayload();
        });
        CompletableFuture<String> first = gateway.send("first");
        gateway.send("second", (command, answer) -> {});

        Thread third = new Thread(() -> gateway.send("third"));
        third.start();
        await().until(() -> third.getState() == Thread.State.WAITING);
        assertThat(handlersStarted).hasValue(2);

        handlersMayFinish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        await().untilAsserted(() -> assertThat(handlersStarted).hasValue(3));
    }

    @Test
    void aCommandThatFailsLeavesItsRoomToTheNext() {
        BoundedCommandGateway oneAtATime = new BoundedCommandGateway(
                DefaultCommandGateway.builder().commandBus(commandBus).build(), 1);

        // No handler is subscribed: each command fails, without ever reaching one.
        for (int i = 0; i < 3; i++) {
            assertThat(oneAtATime.send("unhandled"))
                    .failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(Exception.class)
                    .withCauseInstanceOf(NoHandlerForCommandException.class);
        }
    }
}
