package io.ticketing.user;

import io.ticketing.support.PlatformService;
import io.ticketing.support.ServiceDefinition;

/** Users: registration, profile changes, deactivation, and the uniqueness of email addresses. */
@PlatformService
public class UserCommandApplication {

    public static final ServiceDefinition SERVICE = new ServiceDefinition("user-command", UserCommandApplication.class);

    public static void main(String[] args) {
        SERVICE.applicationBuilder().run(args);
    }
}
