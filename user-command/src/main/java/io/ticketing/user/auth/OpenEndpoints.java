package io.ticketing.user.auth;

import io.ticketing.support.security.PublicEndpoints;
import io.ticketing.support.security.PublicEndpoints.Endpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** What the user service answers without a token: signing up, logging in, and its public key. */
@Configuration(proxyBeanMethods = false)
public class OpenEndpoints {

    @Bean
    PublicEndpoints userServicePublicEndpoints() {
        return PublicEndpoints.of(
                new Endpoint(HttpMethod.POST, "/api/users"),
                new Endpoint(HttpMethod.POST, "/api/auth/token"),
                new Endpoint(HttpMethod.GET, "/.well-known/jwks.json"));
    }
}
