package io.ticketing.support.messaging;

import static io.ticketing.coreapi.common.MessageMetadata.TRACE_ID;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Starts the flow metadata where a flow starts: on a message sent from outside any handler, typically from an HTTP
 * request. Messages sent by handlers get theirs from the handled message, through the correlation data providers.
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
            return message.andMetaData(Map.of(TRACE_ID, traceIdOfCurrentRequest()));
        };
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
