package io.ticketing.payment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GatewayConfigurationTest {

    /** With Spring Boot's conversions, as the service has them: the latency is written {@code PT0S}. */
    private final ApplicationContextRunner payments = new ApplicationContextRunner()
            .withInitializer(context ->
                    context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(GatewayConfiguration.class);

    @Test
    void theSimulatedGatewayIsTakenWhenChosen() {
        payments.withPropertyValues("payment.gateway=simulated", "payment.gateway.latency=PT0S")
                .run(context ->
                        assertThat(context).getBean(PaymentGateway.class).isInstanceOf(SimulatedPaymentGateway.class));
    }

    @Test
    void withoutAChosenGatewayTheServiceDoesNotStartAndSaysWhatToSet() {
        payments.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("No payment gateway is chosen")
                .hasMessageContaining("payment.gateway (PAYMENT_GATEWAY) to 'simulated'"));
    }

    @Test
    void aGatewayThisServiceDoesNotHaveIsNoFallbackToTheSimulatedOne() {
        payments.withPropertyValues("payment.gateway=stripe")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("payment.gateway=stripe names no gateway this service has"));
    }
}
