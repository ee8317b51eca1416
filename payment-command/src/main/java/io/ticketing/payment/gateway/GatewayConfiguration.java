package io.ticketing.payment.gateway;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    static final String SIMULATED = "simulated";

    /**
     * The payment provider named by {@code payment.gateway}. The choice is explicit, so that no deployment takes the
     * simulated provider's approvals for real payments: without it the service does not start.
     */
    @Bean
    PaymentGateway paymentGateway(
            @Value("${payment.gateway:}") String gateway,
            @Value("${payment.gateway.latency:PT0.05S}") Duration latency) {
        if (!SIMULATED.equals(gateway)) {
            throw new IllegalStateException((gateway.isBlank()
                            ? "No payment gateway is chosen"
                            : "payment.gateway=" + gateway + " names no gateway this service has")
                    + ": set payment.gateway (PAYMENT_GATEWAY) to '" + SIMULATED + "', the built-in provider that "
                    + "approves any test token but " + SimulatedPaymentGateway.DECLINED + " and "
                    + SimulatedPaymentGateway.NO_ANSWER);
        }
        return new SimulatedPaymentGateway(latency);
    }
}
