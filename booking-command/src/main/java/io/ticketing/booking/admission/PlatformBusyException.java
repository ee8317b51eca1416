package io.ticketing.booking.admission;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503 with {@code Retry-After}: the booking was not taken, and may be sent again once the backlog has shrunk. */
public class PlatformBusyException extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:problem:platform-busy");

    public PlatformBusyException(Duration lag, Duration maxLag) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(lag, maxLag), null);
        long retryAfterSeconds = Math.max(1, lag.minus(maxLag).toSeconds() + 1);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    private static ProblemDetail problem(Duration lag, Duration maxLag) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Bookings are being carried out " + lag.toSeconds() + " s behind, more than the " + maxLag.toSeconds()
                        + " s this platform accepts; nothing was booked. Send it again later.");
        problem.setType(TYPE);
        problem.setTitle("Too busy to take this booking now");
        return problem;
    }
}
