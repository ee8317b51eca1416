package io.ticketing.booking.admission;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    @Bean
    AdmissionControl admissionControl(
            QueryGateway queries,
            @Value("${booking.max-lag}") Duration maxLag,
            @Value("${booking.lag-refresh}") Duration refreshAfter) {
        return new AdmissionControl(queries, maxLag, refreshAfter, Clock.systemUTC());
    }
}
