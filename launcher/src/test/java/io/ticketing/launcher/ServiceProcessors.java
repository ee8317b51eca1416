package io.ticketing.launcher;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;

/** The event processors of the standalone platform's services, which tests stop, start or read. */
final class ServiceProcessors {

    private ServiceProcessors() {}

    static EventProcessor processor(StandalonePlatform platform, String service, String processor) {
        return platform.services().stream()
                .filter(running -> running.name().equals(service))
                .map(running -> running.context().getBean(EventProcessingConfiguration.class))
                .flatMap(processing -> processing.eventProcessor(processor).stream())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service + " has no processor " + processor));
    }
}
