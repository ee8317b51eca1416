package io.ticketing.support.web;

import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what a command handler refuses into an RFC 9457 problem: invalid input is a 400, a broken rule a 409, an
 * unknown aggregate a 404. Anything else is a 500 whose detail says nothing about the inside; the log keeps it.
 */
@RestControllerAdvice
public class CommandProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemAdvice.class);

    /** Names every rejected field, so that a client can fix its request without guessing. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = e.getBody();
        problem.setDetail(detail.isEmpty() ? "Invalid request content." : detail);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @ExceptionHandler({CompletionException.class, CommandExecutionException.class})
    ProblemDetail unwrap(RuntimeException wrapper) {
        Throwable cause = wrapper.getCause();
        return cause == null || cause == wrapper ? unexpected(wrapper) : problemFor(cause);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidInput(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail brokenRule(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such " + e.getAggregateIdentifier());
    }

    private ProblemDetail problemFor(Throwable cause) {
        if (cause instanceof IllegalArgumentException e) {
            return invalidInput(e);
        }
        if (cause instanceof IllegalStateException e) {
            return brokenRule(e);
        }
        if (cause instanceof AggregateNotFoundException e) {
            return unknownAggregate(e);
        }
        if (cause instanceof RuntimeException e && (e instanceof CompletionException || e instanceof CommandExecutionException)) {
            return unwrap(e);
        }
        return unexpected(cause);
    }

    private ProblemDetail unexpected(Throwable failure) {
        log.error("Request failed", failure);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; it has been logged.");
    }
}
