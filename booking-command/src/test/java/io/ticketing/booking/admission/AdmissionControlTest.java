package io.ticketing.booking.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.pipeline.FindRefusedBookings;
import io.ticketing.coreapi.pipeline.FindSagaLag;
import io.ticketing.coreapi.pipeline.SagaLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final MutableClock clock = new MutableClock();
    private final AdmissionControl admission =
            new AdmissionControl(queries, Duration.ofSeconds(10), Duration.ofMillis(500), clock);

    @BeforeEach
    void coordinatorsAnswer() {
        sagaLag(new SagaLag(100, 100, 0));
    }

    @Test
    void admitsWhileTheSagaKeepsUp() {
        admission.admit();
        admission.admit();

        assertThat(admission.handle(new FindRefusedBookings()).refused()).isZero();
    }

    @Test
    void refusesOnceTheSagaIsFurtherBehindThanTheBoundAndCountsIt() {
        sagaLag(new SagaLag(100, 2_000, 14_000));
        admission.admit(); // learns of the lag

        assertThatThrownBy(admission::admit)
                .isInstanceOf(PlatformBusyException.class)
                .satisfies(busy -> assertThat(
                                ((PlatformBusyException) busy).getHeaders().getFirst("Retry-After"))
                        .isEqualTo("5"));
        assertThat(admission.handle(new FindRefusedBookings()).refused()).isEqualTo(1);
    }

    @Test
    void asksAgainOnlyOnceItsAnswerIsStale() {
        admission.admit();
        admission.admit();
        clock.advance(Duration.ofMillis(600));
        admission.admit();

        verify(queries, times(2)).query(any(FindSagaLag.class), eq(SagaLag.class));
    }

    @Test
    void admitsAgainOnceTheBacklogHasShrunk() {
        sagaLag(new SagaLag(0, 2_000, 30_000));
        admission.admit();
        assertThatThrownBy(admission::admit).isInstanceOf(PlatformBusyException.class);

        sagaLag(new SagaLag(1_990, 2_000, 300));
        clock.advance(Duration.ofMillis(600));
        assertThatThrownBy(admission::admit).isInstanceOf(PlatformBusyException.class); // this asks again
        admission.admit();
    }

    @Test
    void aStaleAnswerRefusesNobody() {
        sagaLag(new SagaLag(0, 2_000, 30_000));
        admission.admit();
        assertThatThrownBy(admission::admit).isInstanceOf(PlatformBusyException.class);

        // A quiet spell: the answer from the busy moment is too old to go by; this request asks again and passes.
        sagaLag(new SagaLag(2_000, 2_000, 0));
        clock.advance(Duration.ofSeconds(5));
        admission.admit();
    }

    @Test
    void admitsWhenNoCoordinatorAnswers() {
        when(queries.query(any(FindSagaLag.class), eq(SagaLag.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("no coordinator")));

        assertThatCode(admission::admit).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(admission::admit).doesNotThrowAnyException();
        verify(queries, times(2)).query(any(FindSagaLag.class), eq(SagaLag.class));
    }

    @Test
    void aQuestionThatCannotEvenBeSentIsAskedAgainLater() {
        when(queries.query(any(FindSagaLag.class), eq(SagaLag.class)))
                .thenThrow(new IllegalStateException("no query bus yet"))
                .thenReturn(CompletableFuture.completedFuture(new SagaLag(0, 2_000, 30_000)));

        assertThatCode(admission::admit).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        admission.admit(); // asks again, and learns of the lag
        assertThatThrownBy(admission::admit).isInstanceOf(PlatformBusyException.class);
    }

    private void sagaLag(SagaLag lag) {
        when(queries.query(any(FindSagaLag.class), eq(SagaLag.class)))
                .thenReturn(CompletableFuture.completedFuture(lag));
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
