package io.ticketing.booking;

import io.ticketing.support.PlatformService;
import io.ticketing.support.ServiceDefinition;

/** Shows and bookings: seats held and released, bookings placed, confirmed, rejected and cancelled. */
@PlatformService
public class BookingCommandApplication {

    public static final ServiceDefinition SERVICE =
            new ServiceDefinition("booking-command", BookingCommandApplication.class);

    public static void main(String[] args) {
        SERVICE.applicationBuilder().run(args);
    }
}
