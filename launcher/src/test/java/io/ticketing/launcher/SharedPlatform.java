package io.ticketing.launcher;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One standalone platform for every integration test class in the run: started on first use on a throwaway
 * embedded PostgreSQL with free ports, stopped when the test run ends. Tests take the platform or a client for it
 * as a parameter.
 */
final class SharedPlatform implements BeforeAllCallback, ParameterResolver {

    /** Short enough to wait for in a test, long enough for an operator test to act before it. */
    static final String PAYMENT_TIMEOUT = "PT6S";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedPlatform.class, key -> new Running(), Running.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StandalonePlatform.class || type == PlatformClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        beforeAll(context);
        StandalonePlatform platform = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .get(SharedPlatform.class, Running.class).platform;
        return parameter.getParameter().getType() == StandalonePlatform.class ? platform : client(platform);
    }

    static PlatformClient client(StandalonePlatform platform) {
        return new PlatformClient(platform.services().stream().collect(Collectors.toMap(
                StandalonePlatform.RunningService::name, StandalonePlatform.RunningService::port)));
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final StandalonePlatform platform;

        Running() {
            try {
                platform = StandalonePlatform.start(new LaunchOptions(new LaunchOptions.ThrowawayEmbedded(), true,
                        Map.of("user.admin.email", PlatformClient.ADMIN_EMAIL,
                                "user.admin.password", PlatformClient.ADMIN_PASSWORD,
                                "saga.payment-timeout", PAYMENT_TIMEOUT,
                                "payment.gateway.latency", "PT0.01S")));
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
