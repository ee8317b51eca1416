package io.ticketing.launcher;

import io.ticketing.client.PlatformClient;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One platform for every integration test class in the run. By default a standalone platform, started on first use
 * on a throwaway embedded PostgreSQL with free ports and stopped when the run ends. With the system property
 * {@value #ENDPOINTS} ({@code user-command=http://host:8081,booking-command=...}, as the {@code distributed-it}
 * Maven profile sets it), the tests run against services someone else started, such as the distributed mode.
 * Tests take the platform or a client for it as a parameter.
 */
final class SharedPlatform implements BeforeAllCallback, ParameterResolver {

    static final String ENDPOINTS = "platform.endpoints";

    /**
     * How long the platform waits for a payment: short enough to wait for in a test, long enough for an operator
     * test to act before it. Services started elsewhere must be given the same (BOOKING_PAYMENT_TIMEOUT).
     */
    static final String PAYMENT_TIMEOUT = System.getProperty("platform.payment-timeout", "PT6S");

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty(ENDPOINTS) == null) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(SharedPlatform.class, key -> new Running(), Running.class);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PlatformClient.class
                || (type == StandalonePlatform.class && System.getProperty(ENDPOINTS) == null);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String endpoints = System.getProperty(ENDPOINTS);
        if (endpoints != null) {
            return TestClients.of(Arrays.stream(endpoints.split(","))
                    .map(endpoint -> endpoint.split("=", 2))
                    .collect(Collectors.toMap(endpoint -> endpoint[0].strip(), endpoint -> endpoint[1].strip())));
        }
        beforeAll(context);
        StandalonePlatform platform = context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .get(SharedPlatform.class, Running.class)
                .platform;
        return parameter.getParameter().getType() == StandalonePlatform.class
                ? platform
                : TestClients.onLocalPorts(platform.services().stream()
                        .collect(Collectors.toMap(
                                StandalonePlatform.RunningService::name, StandalonePlatform.RunningService::port)));
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final StandalonePlatform platform;

        Running() {
            try {
                platform = StandalonePlatform.start(new LaunchOptions(
                        new LaunchOptions.ThrowawayEmbedded(),
                        true,
                        Map.of(
                                "user.admin.email",
                                TestClients.ADMIN_EMAIL,
                                "user.admin.password",
                                TestClients.ADMIN_PASSWORD,
                                "booking.payment-timeout",
                                PAYMENT_TIMEOUT,
                                "payment.gateway.latency",
                                "PT0.01S")));
            } catch (Exception e) {
                throw new IllegalStateException("The platform did not start", e);
            }
        }

        @Override
        public void close() throws Exception {
            platform.close();
        }
    }
}
