package io.ticketing.support.tracing;

import static io.ticketing.coreapi.common.MessageMetadata.TRACE_ID;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the handled message's trace id into the logging context, under the key Spring Boot's log pattern shows, while
 * its handler runs: where no span is made for handlers (no exporter), their log lines still name the request's trace.
 */
final class TraceIdLogging<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    /** Micrometer Tracing's key, which {@code logging.pattern.correlation} reads. */
    static final String LOGGED_TRACE_ID = "traceId";

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.getMessage().getMetaData().get(TRACE_ID) instanceof String traceId)) {
            return chain.proceed();
        }
        // A handler run on the sender's thread hands the sender's logging context back as it found it.
        String sendersTraceId = MDC.get(LOGGED_TRACE_ID);
        MDC.put(LOGGED_TRACE_ID, traceId);
        try {
            return chain.proceed();
        } finally {
            if (sendersTraceId == null) {
                MDC.remove(LOGGED_TRACE_ID);
            } else {
                MDC.put(LOGGED_TRACE_ID, sendersTraceId);
            }
        }
    }
}
