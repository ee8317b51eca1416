package io.ticketing.support.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/** Requests a service answers without a token, on top of the health endpoints every service has. */
public record PublicEndpoints(List<Endpoint> endpoints) {

    public record Endpoint(HttpMethod method, String pathPattern) {}

    public static PublicEndpoints of(Endpoint... endpoints) {
        return new PublicEndpoints(List.of(endpoints));
    }
}
