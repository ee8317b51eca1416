package io.ticketing.query;

import io.ticketing.support.PlatformService;
import io.ticketing.support.ServiceDefinition;

/** Read models for dashboards, live updates, and the audit and replay of event streams. */
@PlatformService
public class BookingQueryApplication {

    public static final ServiceDefinition SERVICE =
            new ServiceDefinition("booking-query", BookingQueryApplication.class);

    public static void main(String[] args) {
        SERVICE.applicationBuilder().run(args);
    }
}
