package io.ticketing.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than any request of the API needs, before anything reads it: 413 as a problem.
 * Every command of the platform fits in a few kilobytes; a megabyte body is a mistake or an attack. It goes by the
 * announced {@code Content-Length}: a chunked body, which announces none, is not limited here.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;
    private final ProblemTraceId problemTraceId;

    RequestBodyLimit(long maxBytes, ObjectMapper json, ProblemTraceId problemTraceId) {
        this.maxBytes = maxBytes;
        this.json = json;
        this.problemTraceId = problemTraceId;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "A request body may hold at most " + maxBytes + " bytes; this one has "
                            + request.getContentLengthLong() + ".");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problemTraceId.stamp(problem));
            return;
        }
        chain.doFilter(request, response);
    }
}
