package io.ticketing.payment.gateway;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** The simulated provider, unless a real one is configured as a {@link PaymentGateway} bean. */
    @Bean
    @ConditionalOnMissingBean
    PaymentGateway simulatedPaymentGateway(@Value("${payment.gateway.latency:PT0.05S}") Duration latency) {
        return new SimulatedPaymentGateway(latency);
    }
}
