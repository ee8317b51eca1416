package io.ticketing.coordinator.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is already running (on this or
 * another coordinator, possibly a dead one whose execution is not yet revived) or already gone does not fail the
 * saga's unit of work. Axon 4.12.2 lets db-scheduler's refusal roll the saga back, and retries it for as long as
 * the execution stays picked: minutes, for a coordinator killed mid-deadline. A deadline that could not be
 * cancelled fires; every deadline handler checks the saga's step first, so it then does nothing.
 */
class RunningDeadlineTolerantManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(RunningDeadlineTolerantManager.class);

    private final Scheduler scheduler;

    RunningDeadlineTolerantManager(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceException runningOrGone) {
                log.debug(
                        "Deadline {} ({}) is running or gone; its handler will find nothing to do",
                        deadlineName,
                        scheduleId,
                        runningOrGone);
            }
        });
    }
}
