package io.ticketing.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which spans Axon makes, beside its own OpenTelemetry auto-configuration, which would make them always. */
class AxonSpanFactoryTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    TracingAutoConfiguration.class,
                    OpenTelemetryAutoConfiguration.class,
                    AxonTracingAutoConfiguration.class))
            .withBean(OpenTelemetry.class, OpenTelemetry::noop);

    @Test
    void aServiceThatExportsNothingMakesNoAxonSpans() {
        service.run(context -> assertThat(context.getBean(SpanFactory.class)).isSameAs(NoOpSpanFactory.INSTANCE));
    }

    @Test
    void aServiceThatExportsMakesAxonSpansWithItsOwnSdk() {
        service.withBean(SpanExporter.class, () -> mock(SpanExporter.class))
                .run(context ->
                        assertThat(context.getBean(SpanFactory.class)).isInstanceOf(OpenTelemetrySpanFactory.class));
    }
}
