package io.ticketing.user.auth;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleSettings.class)
class LoginThrottleConfiguration {

    /** On the system clock: the instances that share the counts must agree on the time, as NTP makes them. */
    @Bean
    LoginThrottle loginThrottle(LoginFailures failures, LoginThrottleSettings settings) {
        return new LoginThrottle(failures, settings, Clock.systemUTC());
    }
}
