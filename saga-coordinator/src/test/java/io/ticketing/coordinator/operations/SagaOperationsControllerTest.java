package io.ticketing.coordinator.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ticketing.coordinator.saga.OperatorAction;
import io.ticketing.coordinator.saga.SagaSettings;
import io.ticketing.coordinator.saga.SagaStep;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PlatformWebMvcTest(SagaOperationsController.class)
@Import(SagaOperationsControllerTest.Settings.class)
class SagaOperationsControllerTest {

    private static final UserId ADMIN = new UserId(UUID.randomUUID());

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private SagaInstanceRepository instances;

    @MockitoBean
    private DeadlineManager deadlineManager;

    @Test
    void listsActiveSagasWithTheirAgeAndFlagsTheOnesThatFailed() {
        SagaInstance failed = saga("saga-1", "BookingSaga", true, "RequestPayment failed: unreachable");
        when(instances.findByActive(eq(true), any())).thenReturn(new PageImpl<>(List.of(failed)));

        assertThat(mvc.get().uri("/api/sagas").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.content[0].stuck").isEqualTo(true);
                    assertThat(body).extractingPath("$.content[0].step").isEqualTo("AWAITING_PAYMENT");
                    assertThat(body)
                            .extractingPath("$.content[0].ageSeconds")
                            .asNumber()
                            .isNotNull();
                });
    }

    @Test
    void anActionReachesTheSagaAsADeadlineInItsOwnScope() {
        SagaInstance saga = saga("saga-1", "BookingSaga", true, null);
        when(instances.findById("saga-1")).thenReturn(Optional.of(saga));

        assertThat(mvc.post().uri("/api/sagas/saga-1/retry").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.ACCEPTED);

        verify(deadlineManager)
                .schedule(
                        any(Instant.class),
                        eq(OperatorAction.DEADLINE_NAME),
                        eq(OperatorAction.RETRY),
                        eq(new SagaScopeDescriptor("BookingSaga", "saga-1")));
    }

    @Test
    void anEndedSagaTakesNoAction() {
        SagaInstance saga = saga("saga-2", "BookingSaga", false, null);
        when(instances.findById("saga-2")).thenReturn(Optional.of(saga));

        assertThat(mvc.post().uri("/api/sagas/saga-2/abandon").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verify(deadlineManager, never()).schedule(any(Instant.class), any(), any(), any());
    }

    @Test
    void aCancellationCannotBeCompensated() {
        SagaInstance saga = saga("saga-3", "CancellationSaga", true, null);
        when(instances.findById("saga-3")).thenReturn(Optional.of(saga));

        assertThat(mvc.post().uri("/api/sagas/saga-3/compensate").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void unknownSagasAndActionsAreSaidSo() {
        when(instances.findById("nope")).thenReturn(Optional.empty());

        assertThat(mvc.post().uri("/api/sagas/nope/retry").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/sagas/nope/reboot").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("retry, compensate or abandon");
    }

    @Test
    void onlyAdminsOperateSagas() {
        assertThat(mvc.get().uri("/api/sagas").with(Tokens.as(new UserId(UUID.randomUUID()), Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private static SagaInstance saga(String id, String type, boolean active, String lastError) {
        SagaInstance saga = mock(SagaInstance.class);
        when(saga.getSagaId()).thenReturn(id);
        when(saga.getSagaType()).thenReturn(type);
        when(saga.getBookingId()).thenReturn(UUID.randomUUID());
        when(saga.getStep()).thenReturn(SagaStep.AWAITING_PAYMENT);
        when(saga.isActive()).thenReturn(active);
        when(saga.getLastError()).thenReturn(lastError);
        when(saga.getStartedAt()).thenReturn(Instant.now().minusSeconds(90));
        when(saga.getUpdatedAt()).thenReturn(Instant.now().minusSeconds(60));
        return saga;
    }

    static class Settings {

        @Bean
        SagaSettings sagaSettings() {
            return new SagaSettings(Duration.ofSeconds(30), Duration.ofMinutes(2));
        }
    }
}
