package io.ticketing.support.messaging;

import static io.ticketing.coreapi.common.MessageMetadata.ACTING_USER;
import static io.ticketing.coreapi.common.MessageMetadata.TRACE_ID;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Starts the flow metadata where a flow starts: on a message sent from outside any handler, typically from an HTTP
 * request: the caller's trace id and, when it sent a token, the acting user. Messages sent by handlers get theirs from
 * the handled message, through the correlation data providers.
 * <p>
 * The trace id is the caller's W3C {@code traceparent} trace id, or its {@code X-Request-Id}, or a new one.
 */
public class EdgeMetadataInterceptor implements MessageDispatchInterceptor<Message<?>> {

    static final String TRACEPARENT = "traceparent";
    static final String REQUEST_ID = "X-Request-Id";

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        return (index, message) -> {
            if (CurrentUnitOfWork.isStarted() || message.getMetaData().containsKey(TRACE_ID)) {
                return message;
            }
            Map<String, String> flowMetadata = new HashMap<>();
            flowMetadata.put(TRACE_ID, traceIdOfCurrentRequest());
            actingUser().ifPresent(user -> flowMetadata.put(ACTING_USER, user));
            return message.andMetaData(flowMetadata);
        };
    }

    /** The authenticated caller's id: the subject of its token. */
    private static Optional<String> actingUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? Optional.of(token.getName())
                : Optional.empty();
    }

    private static String traceIdOfCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String traceparent = request.getHeader(TRACEPARENT);
            String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
            if (parts.length == 4 && parts[1].length() == 32) {
                return parts[1];
            }
            String requestId = request.getHeader(REQUEST_ID);
            if (requestId != null && !requestId.isBlank() && requestId.length() <= 128) {
                return requestId;
            }
        }
        return UUID.randomUUID().toString();
    }
}
