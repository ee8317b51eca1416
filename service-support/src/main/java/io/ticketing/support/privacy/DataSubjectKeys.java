package io.ticketing.support.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.DataSubjectKey;
import io.ticketing.coreapi.privacy.FindDataSubjectKey;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;

/**
 * Users' personal-data keys, asked of the user service over the query bus, whichever process this is. An answer is
 * remembered briefly, so that a burst of one user's events costs one question; for as long as an answer is
 * remembered, an erasure elsewhere is not yet seen here. While the user service cannot answer (it is starting, or
 * down), the question is asked again for a while: only then does reading the event fail, and a processor sets it
 * aside in its dead-letter queue, from where it can be retried.
 */
public class DataSubjectKeys {

    static final Duration REMEMBERED_FOR = Duration.ofSeconds(2);
    private static final long ANSWER_TIMEOUT_SECONDS = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration PAUSE_BETWEEN_QUESTIONS = Duration.ofSeconds(1);

    /** A supplier: the query bus is built after the serializers it needs, so it is looked up when first asked. */
    private final Supplier<QueryBus> queryBus;

    private final Cache<UserId, DataSubjectKey> answers = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED_FOR)
            .maximumSize(10_000)
            .build();

    public DataSubjectKeys(Supplier<QueryBus> queryBus) {
        this.queryBus = queryBus;
    }

    DataSubjectKey keyOf(UserId subject) {
        return answers.get(subject, this::ask);
    }

    private DataSubjectKey ask(UserId subject) {
        long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return askOnce(subject);
            } catch (IllegalStateException unanswered) {
                if (System.nanoTime() - giveUpAt > 0) {
                    throw unanswered;
                }
                pause(unanswered);
            }
        }
    }

    private DataSubjectKey askOnce(UserId subject) {
        try {
            return queryBus.get()
                    .query(new GenericQueryMessage<>(
                            new FindDataSubjectKey(subject), ResponseTypes.instanceOf(DataSubjectKey.class)))
                    .get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .getPayload();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unanswered(subject, e);
        } catch (ExecutionException | TimeoutException e) {
            throw unanswered(subject, e);
        }
    }

    private static void pause(IllegalStateException unanswered) {
        try {
            Thread.sleep(PAUSE_BETWEEN_QUESTIONS.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unanswered;
        }
    }

    private static IllegalStateException unanswered(UserId subject, Exception cause) {
        return new IllegalStateException(
                "The user service did not give the personal-data key of user " + subject, cause);
    }
}
