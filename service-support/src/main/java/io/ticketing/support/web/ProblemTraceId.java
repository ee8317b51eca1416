package io.ticketing.support.web;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem answer names the trace of the request it answers in {@value #PROPERTY}, so that a caller can quote
 * it and an operator find the request's spans and log lines by it. Answers written by Spring MVC (controllers, their
 * advice, the error path) are stamped here; a filter that answers before Spring MVC stamps its own with
 * {@link #stamp}.
 */
@RestControllerAdvice
public class ProblemTraceId implements ResponseBodyAdvice<Object> {

    public static final String PROPERTY = "traceId";

    private final Tracer tracer;

    public ProblemTraceId(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    /** The problem, with the current trace's id when there is a trace. */
    public ProblemDetail stamp(ProblemDetail problem) {
        TraceContext current = tracer.currentTraceContext().context();
        if (current != null) {
            problem.setProperty(PROPERTY, current.traceId());
        }
        return problem;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        // A ResponseEntity<Object> may hold a problem: the body decides, not the declared type.
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        return body instanceof ProblemDetail problem ? stamp(problem) : body;
    }
}
