package io.ticketing.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.stubbing.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PlatformWebMvcTest(AuditController.class)
class AuditControllerTest {

    private static final String LINE = "{\"eventType\":\"BookingPlaced\"}\n";

    private final UserId auditor = new UserId(UUID.randomUUID());

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private EventAuditor eventAuditor;

    @Test
    void anExportWithoutARangeStreamsEveryEventFromTheFirstUntilNow() throws Exception {
        doAnswer(writing(LINE)).when(eventAuditor).exportUntil(any(), any());
        Instant asked = Instant.now();

        assertThat(mvc.get().uri("/api/audit/export").with(Tokens.as(auditor, Role.AUDITOR)))
                .hasStatus(HttpStatus.OK)
                .hasContentType(MediaType.APPLICATION_NDJSON)
                .hasBodyTextEqualTo(LINE);
        ArgumentCaptor<Instant> until = ArgumentCaptor.forClass(Instant.class);
        verify(eventAuditor).exportUntil(until.capture(), any());
        assertThat(until.getValue()).isBetween(asked, Instant.now());
    }

    @Test
    void anExportWithoutFromEndsAtTheGivenTo() throws Exception {
        Instant to = Instant.parse("2026-03-01T00:00:00Z");
        doAnswer(writing(LINE)).when(eventAuditor).exportUntil(eq(to), any());

        assertThat(mvc.get().uri("/api/audit/export").param("to", to.toString()).with(Tokens.as(auditor, Role.ADMIN)))
                .hasStatus(HttpStatus.OK)
                .hasBodyTextEqualTo(LINE);
    }

    @Test
    void anExportFromAnInstantEndsNow() throws Exception {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        doAnswer(writing(LINE)).when(eventAuditor).export(eq(from), any(), any());

        assertThat(mvc.get()
                        .uri("/api/audit/export")
                        .param("from", from.toString())
                        .with(Tokens.as(auditor, Role.AUDITOR)))
                .hasStatus(HttpStatus.OK)
                .hasBodyTextEqualTo(LINE);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedAsAProblem() {
        assertThat(mvc.get()
                        .uri("/api/audit/export")
                        .param("from", "2026-03-02T00:00:00Z")
                        .param("to", "2026-03-01T00:00:00Z")
                        .with(Tokens.as(auditor, Role.AUDITOR)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("from", "to");
        assertThat(mvc.get().uri("/api/audit/export").param("from", "yesterday").with(Tokens.as(auditor, Role.AUDITOR)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(eventAuditor);
    }

    @Test
    void onlyAdminsAndAuditorsExport() {
        assertThat(mvc.get().uri("/api/audit/export").with(Tokens.as(auditor, Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(eventAuditor);
    }

    private static Answer<Void> writing(String text) {
        return invocation -> {
            invocation
                    .getArgument(invocation.getArguments().length - 1, OutputStream.class)
                    .write(text.getBytes(StandardCharsets.UTF_8));
            return null;
        };
    }
}
