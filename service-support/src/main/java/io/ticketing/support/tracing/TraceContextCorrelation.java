package io.ticketing.support.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.tracing.opentelemetry.MetadataContextSetter;

/**
 * Puts the current span's context ({@code traceparent}) into the metadata of every message a handler creates, where
 * Axon's span factories read their parent from. The current span is the handler's own, not the handled message's
 * sender's: the new message is a child of the step that sent it.
 */
final class TraceContextCorrelation implements CorrelationDataProvider {

    private final TextMapPropagator propagator;

    TraceContextCorrelation(TextMapPropagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> handled) {
        Map<String, String> traceContext = new HashMap<>();
        propagator.inject(Context.current(), traceContext, MetadataContextSetter.INSTANCE);
        return traceContext;
    }
}
