package io.ticketing.support.messaging;

import static io.ticketing.coreapi.common.MessageMetadata.ACTING_USER;
import static io.ticketing.coreapi.common.MessageMetadata.TRACE_ID;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Starts the flow metadata where a flow starts: on a message sent from outside any handler, typically from an HTTP
 * request: the request's trace id and, when the caller sent a token, the acting user. Messages sent by handlers get
 * theirs from the handled message, through the correlation data providers.
 * <p>
 * The trace id is the current trace's: the caller's, when its W3C {@code traceparent} named one, or the one Spring
 * Boot's tracing started for the request. A message sent outside any trace (at start-up, say) starts one of its own.
 * It is the id the request's spans, log lines and problem answers carry, and auditors read it in every event.
 */
public class EdgeMetadataInterceptor implements MessageDispatchInterceptor<Message<?>> {

    private final Tracer tracer;

    public EdgeMetadataInterceptor(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        return (index, message) -> {
            if (CurrentUnitOfWork.isStarted() || message.getMetaData().containsKey(TRACE_ID)) {
                return message;
            }
            Map<String, String> flowMetadata = new HashMap<>();
            flowMetadata.put(TRACE_ID, currentTraceId());
            actingUser().ifPresent(user -> flowMetadata.put(ACTING_USER, user));
            return message.andMetaData(flowMetadata);
        };
    }

    /** The authenticated caller's id: the subject of its token. */
    private static Optional<String> actingUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? Optional.of(token.getName()) : Optional.empty();
    }

    /** In W3C's form either way: 32 hexadecimal digits. */
    private String currentTraceId() {
        TraceContext current = tracer.currentTraceContext().context();
        return current != null
                ? current.traceId()
                : UUID.randomUUID().toString().replace("-", "");
    }
}
