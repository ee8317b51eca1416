package io.ticketing.support.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One booking is one trace, from the HTTP request through every command, event, saga step and gateway call, when
 * the service exports spans: Spring Boot's OTLP exporter, on once {@code management.otlp.tracing.endpoint} is set,
 * or any other {@link SpanExporter} bean (a test's).
 * <p>
 * Every service has its own OpenTelemetry SDK, Spring Boot's, named after the service ({@code service.name} =
 * {@code spring.application.name}); Axon's spans are made with it rather than with the JVM-wide
 * {@code GlobalOpenTelemetry} that Axon's own auto-configuration takes, which Spring Boot never sets and which five
 * services in one JVM could not share. So spans say which service made them in the standalone mode as in the
 * distributed one.
 * <p>
 * A service that exports nothing records no span: its spans are sampled out and Axon's span factory stays the no-op
 * one, so tracing costs a request no more than its trace id, which still reaches the logs, the problem answers and the
 * messages' {@code traceId} (through the flow metadata, {@link TraceIdLogging}).
 */
@AutoConfiguration(
        after = OtlpTracingAutoConfiguration.class,
        before = {
            OpenTelemetryTracingAutoConfiguration.class,
            OpenTelemetryAutoConfiguration.class,
            AxonTracingAutoConfiguration.class
        })
public class TracingAutoConfiguration {

    /** Axon's scope name for its spans: the service is told by the SDK's resource, not by the scope. */
    static final String AXON_INSTRUMENTATION_SCOPE = "org.axonframework";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(SpanExporter.class)
    static class Exported {

        @Bean
        SpanFactory axonSpanFactory(OpenTelemetry openTelemetry) {
            return OpenTelemetrySpanFactory.builder()
                    .tracer(openTelemetry.getTracer(AXON_INSTRUMENTATION_SCOPE))
                    .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                    .build();
        }

        /**
         * Every message a handler sends carries the handler's span as its parent, however it is sent: through a
         * bus that traces (Axon Server's) or one that does not (the standalone mode's shared buses), or from a
         * gateway callback that kept the flow's metadata.
         */
        @Bean
        CorrelationDataProvider traceContextOfHandler(OpenTelemetry openTelemetry) {
            return new TraceContextCorrelation(openTelemetry.getPropagators().getTextMapPropagator());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(SpanExporter.class)
    static class NotExported {

        /**
         * Spans that nobody receives are not recorded. A sampled-out span keeps its trace id, the caller's when
         * its {@code traceparent} named one, for the logs and the answers.
         */
        @Bean
        Sampler unexportedSpansAreNotRecorded() {
            return Sampler.alwaysOff();
        }

        /**
         * Axon's own auto-configuration would otherwise make its spans with {@code GlobalOpenTelemetry}: recording
         * nothing, but each one still made current and closed again, twice for every event a processor handles, and
         * each time Spring Boot's context listeners rewrite the logging context.
         */
        @Bean
        SpanFactory axonSpanFactory() {
            return NoOpSpanFactory.INSTANCE;
        }

        @Bean
        MessageHandlerInterceptor<CommandMessage<?>> commandTraceIdLogging() {
            return new TraceIdLogging<>();
        }

        @Bean
        MessageHandlerInterceptor<EventMessage<?>> eventTraceIdLogging() {
            return new TraceIdLogging<>();
        }
    }
}
