package io.ticketing.user.auth;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 429 problem whose {@code Retry-After} header and detail say, in whole seconds, when to try again. */
class TooManyAttemptsException extends ErrorResponseException {

    TooManyAttemptsException(String what, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(what, seconds(retryAfter)), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
    }

    private static ProblemDetail problem(String what, long seconds) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, what + ". Try again in " + seconds + " seconds.");
    }

    /** Rounded up: a client that waits as long as told is not refused again for the same reason. */
    private static long seconds(Duration wait) {
        return Math.max(1, wait.plusNanos(999_999_999).toSeconds());
    }
}
