package io.ticketing.support.tracing;

import static io.ticketing.coreapi.common.MessageMetadata.TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TraceIdLoggingTest {

    private final TraceIdLogging<EventMessage<?>> logging = new TraceIdLogging<>();

    @AfterEach
    void clearLoggingContext() {
        MDC.clear();
    }

    @Test
    void aHandlersLogLinesNameTheTraceOfTheMessageItHandles() throws Exception {
        assertThat(handleLogging(MetaData.with(TRACE_ID, "trace-of-the-booking")))
                .isEqualTo("trace-of-the-booking");
        assertThat(MDC.get(TraceIdLogging.LOGGED_TRACE_ID)).isNull();
    }

    @Test
    void aHandlerRunOnItsSendersThreadGivesTheSendersTraceBack() throws Exception {
        MDC.put(TraceIdLogging.LOGGED_TRACE_ID, "trace-of-the-request");

        assertThat(handleLogging(MetaData.with(TRACE_ID, "trace-of-the-booking")))
                .isEqualTo("trace-of-the-booking");
        assertThat(MDC.get(TraceIdLogging.LOGGED_TRACE_ID)).isEqualTo("trace-of-the-request");
    }

    @Test
    void aMessageWithoutTraceLeavesTheLoggingContextAlone() throws Exception {
        MDC.put(TraceIdLogging.LOGGED_TRACE_ID, "trace-of-the-request");

        assertThat(handleLogging(MetaData.emptyInstance())).isEqualTo("trace-of-the-request");
    }

    /** The trace id the handler's log lines show. */
    private Object handleLogging(MetaData metaData) throws Exception {
        EventMessage<?> event = new GenericEventMessage<>("payload", metaData);
        return logging.handle(new DefaultUnitOfWork<>(event), () -> MDC.get(TraceIdLogging.LOGGED_TRACE_ID));
    }
}
