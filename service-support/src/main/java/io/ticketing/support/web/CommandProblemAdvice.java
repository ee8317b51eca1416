package io.ticketing.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.ticketing.coreapi.common.NotPermittedException;
import io.ticketing.coreapi.common.NotYetKnownException;
import io.ticketing.support.messaging.CommandRejection;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem, whether a controller threw it or the future it returned failed with it. A
 * refusal answers by its kind: invalid input 400, forbidden 403, unknown target 404, a broken rule 409, not known
 * yet 503. Anything else is a 500 whose detail says nothing about the inside; the log keeps it.
 */
@RestControllerAdvice
public class CommandProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemAdvice.class);

    /** The problem type of a request naming what this service has not heard of yet from another service. */
    private static final URI NOT_YET_KNOWN = URI.create("urn:problem:not-yet-known");
    /** What a service had not heard of is usually known a moment later: a short pause before trying again. */
    private static final String NOT_YET_KNOWN_RETRY_AFTER_SECONDS = "1";

    /** A constraint on a request parameter outside Spring MVC's own method validation, such as a service's. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameters(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    /** Names every rejected field, so that a client can fix its request without guessing. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                e,
                naming(
                        e.getBody(),
                        e.getBindingResult().getFieldErrors().stream()
                                .map(error -> error.getField() + ": " + error.getDefaultMessage())),
                headers,
                status,
                request);
    }

    /** A request parameter or header outside its constraints: the problem names each one. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                e,
                naming(
                        e.getBody(),
                        e.getParameterValidationResults().stream()
                                .flatMap(result -> result.getResolvableErrors().stream()
                                        .map(error -> result.getMethodParameter()
                                                        .getParameterName() + ": " + error.getDefaultMessage()))),
                headers,
                status,
                request);
    }

    /** The problem's detail lists every rejected field or parameter with why, in a stable order. */
    private static ProblemDetail naming(ProblemDetail problem, Stream<String> rejections) {
        String detail = rejections.sorted().collect(Collectors.joining("; "));
        if (!detail.isEmpty()) {
            problem.setDetail(detail);
        }
        return problem;
    }

    /**
     * A body that is not JSON, or whose value has the wrong type for its field ({@code "tickets": 1.5} or
     * {@code "2"}): the problem names the field.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                e.getMostSpecificCause() instanceof JsonMappingException mapping
                                && !mapping.getPath().isEmpty()
                        ? fieldOf(mapping) + ": "
                                + (mapping instanceof InvalidFormatException invalid
                                        ? "cannot be " + describe(invalid.getValue()) + "; a "
                                                + invalid.getTargetType().getSimpleName() + " is expected"
                                        : "has the wrong type or shape")
                        : "The request body is not valid JSON.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String fieldOf(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Object value) {
        return value instanceof String text ? "the text \"" + text + "\"" : String.valueOf(value);
    }

    /**
     * A refusal, whether a command handler made it (here or behind Axon Server) or the edge itself: answered by its
     * kind ({@link CommandRejection#classify}). A failed future's {@link ErrorResponse} keeps its own answer.
     */
    @ExceptionHandler({
        CompletionException.class,
        CommandExecutionException.class,
        IllegalArgumentException.class,
        IllegalStateException.class,
        AggregateNotFoundException.class,
        AccessDeniedException.class,
        NotPermittedException.class,
        NotYetKnownException.class
    })
    ResponseEntity<ProblemDetail> refused(RuntimeException failure) {
        if (failure.getCause() instanceof ErrorResponse response && failure instanceof CompletionException) {
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .body(response.getBody());
        }
        return CommandRejection.classify(failure)
                .map(CommandProblemAdvice::answer)
                .orElseGet(() -> ResponseEntity.internalServerError().body(unexpected(failure)));
    }

    /**
     * Invalid input 400, forbidden 403, unknown target 404, a broken rule 409. What the service does not know yet is
     * 503 with {@code Retry-After}: the same request may pass once the service has caught up.
     */
    private static ResponseEntity<ProblemDetail> answer(CommandRejection rejection) {
        HttpStatus status = switch (rejection.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_YET_KNOWN -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejection.message());
        if (rejection.kind() != CommandRejection.Kind.NOT_YET_KNOWN) {
            return ResponseEntity.status(status).body(problem);
        }
        problem.setType(NOT_YET_KNOWN);
        problem.setTitle("Not known here yet; send it again shortly");
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, NOT_YET_KNOWN_RETRY_AFTER_SECONDS)
                .body(problem);
    }

    private ProblemDetail unexpected(Throwable failure) {
        log.error("Request failed", failure);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; it has been logged.");
    }
}
