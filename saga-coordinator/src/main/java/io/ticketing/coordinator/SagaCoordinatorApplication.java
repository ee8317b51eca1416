package io.ticketing.coordinator;

import io.ticketing.support.PlatformService;
import io.ticketing.support.ServiceDefinition;

/** The booking saga: turns a placed booking into a confirmed one, or compensates every step it took. */
@PlatformService
public class SagaCoordinatorApplication {

    public static final ServiceDefinition SERVICE =
            new ServiceDefinition("saga-coordinator", SagaCoordinatorApplication.class);

    public static void main(String[] args) {
        SERVICE.applicationBuilder().run(args);
    }
}
