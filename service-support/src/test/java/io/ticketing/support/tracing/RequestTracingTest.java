package io.ticketing.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.ticketing.support.security.PublicEndpoints;
import io.ticketing.support.test.PlatformWebMvcTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.web.servlet.WebMvcObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request's trace as a service without a span exporter handles it, which is the default: the caller's
 * {@code traceparent} is honoured, its trace id is in the problem answer and in the request's log lines, and no span
 * is recorded.
 */
@PlatformWebMvcTest
@ContextConfiguration(classes = RequestTracingTest.ProbeService.class)
@TestPropertySource(properties = {"spring.config.name=platform-defaults", "spring.application.name=probe-service"})
@ImportAutoConfiguration({
    ObservationAutoConfiguration.class,
    WebMvcObservationAutoConfiguration.class,
    OpenTelemetryAutoConfiguration.class,
    OpenTelemetryTracingAutoConfiguration.class,
    MicrometerTracingAutoConfiguration.class,
    TracingAutoConfiguration.class
})
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
class RequestTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private StartedSpans startedSpans;

    @Test
    void aProblemAnswerNamesTheCallersTrace() {
        assertThat(mvc.get().uri("/api/probe/conflict").header("traceparent", TRACEPARENT))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.traceId")
                .isEqualTo(TRACE_ID);
    }

    @Test
    void aRequestRefusedBeforeAnyControllerNamesItsTraceToo() {
        assertThat(mvc.get().uri("/api/probe/private").header("traceparent", TRACEPARENT))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.traceId")
                .isEqualTo(TRACE_ID);
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceItsProblemNames() {
        assertThat(mvc.get().uri("/api/probe/conflict"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.traceId")
                .asString()
                .matches("[0-9a-f]{32}")
                .isNotEqualTo("0".repeat(32));
    }

    @Test
    void theRequestsLogLinesNameTheCallersTrace(CapturedOutput output) {
        assertThat(mvc.get().uri("/api/probe/logged").header("traceparent", TRACEPARENT))
                .hasStatus(HttpStatus.OK);

        assertThat(output.getOut().lines().filter(line -> line.contains(Probe.LOGGED)))
                .singleElement()
                .asString()
                .contains(TRACE_ID);
    }

    @Test
    void withoutAnExporterNoSpanIsRecorded() {
        assertThat(mvc.get().uri("/api/probe/logged").header("traceparent", TRACEPARENT))
                .hasStatus(HttpStatus.OK);

        assertThat(startedSpans.names).isEmpty();
    }

    @SpringBootConfiguration
    @Import(Probe.class)
    static class ProbeService {

        @Bean
        PublicEndpoints probeEndpoints() {
            return PublicEndpoints.of(
                    new PublicEndpoints.Endpoint(HttpMethod.GET, "/api/probe/conflict"),
                    new PublicEndpoints.Endpoint(HttpMethod.GET, "/api/probe/logged"));
        }

        /** Sees every span the SDK records; being no exporter, it leaves the service exporting nothing. */
        @Bean
        StartedSpans startedSpans() {
            return new StartedSpans();
        }
    }

    static class StartedSpans implements SpanProcessor {

        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
            names.add(span.getName());
        }

        @Override
        public boolean isStartRequired() {
            return true;
        }

        @Override
        public void onEnd(ReadableSpan span) {}

        @Override
        public boolean isEndRequired() {
            return false;
        }
    }

    @RestController
    static class Probe {

        static final String LOGGED = "The probe was asked";
        private static final Logger log = LoggerFactory.getLogger(Probe.class);

        @GetMapping("/api/probe/conflict")
        void conflict() {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The probe refuses");
        }

        @GetMapping("/api/probe/logged")
        void logged() {
            log.info(LOGGED);
        }

        @GetMapping("/api/probe/private")
        void authenticated() {}
    }
}
