package com.coworkly.commandside.config;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Axon's db-scheduler deadline manager, with an index of which deadlines belong to which aggregate. Axon finds
 * an aggregate's deadlines ({@link #cancelAllWithinScope}) by reading and deserializing every pending deadline of
 * the network: with two per booking, every payment and cancellation got slower as the history grew. Here they are
 * found in {@code command_side.deadline_scope} by their key and cancelled one by one (decision 24).
 *
 * <p>The index is written in the transaction that schedules or cancels, at the same moment as Axon writes the
 * deadline itself (when the unit of work prepares its commit), so the two never disagree. A deadline that is
 * running when its booking cancels it is left to run, as Axon's own scan leaves it: every deadline handler
 * checks its booking's state first.
 */
final class ScopeIndexedDeadlineManager implements DeadlineManager, Lifecycle {

    /** The db-scheduler task under which Axon keeps its deadlines. */
    static final String TASK_NAME = "AxonDeadline";

    private static final Logger log = LoggerFactory.getLogger(ScopeIndexedDeadlineManager.class);

    private final DbSchedulerDeadlineManager axon;
    private final SchedulerClient scheduler;
    private final JdbcTemplate jdbc;

    ScopeIndexedDeadlineManager(DbSchedulerDeadlineManager axon, SchedulerClient scheduler, JdbcTemplate jdbc) {
        this.axon = axon;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    @Override
    public String schedule(
            Instant triggerDateTime, String deadlineName, Object messageOrPayload, ScopeDescriptor deadlineScope) {
        String scheduleId = axon.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        // The key is read when the transaction commits: a new aggregate's id is known only by then.
        whenCommitting(() ->
                jdbc.update("""
                INSERT INTO command_side.deadline_scope (schedule_id, scope, deadline_name, fires_at)
                VALUES (?, ?, ?, ?)""", scheduleId, keyOf(deadlineScope), deadlineName, Timestamp.from(triggerDateTime)));
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        whenCommitting(() -> {
            jdbc.update("DELETE FROM command_side.deadline_scope WHERE schedule_id = ?", scheduleId);
            cancel(scheduleId);
        });
    }

    @Override
    public void cancelAll(String deadlineName) {
        // Every deadline of that name, network-wide: rare (tests, operators), so Axon's scan does it.
        axon.cancelAll(deadlineName);
        whenCommitting(
                () -> jdbc.update("DELETE FROM command_side.deadline_scope WHERE deadline_name = ?", deadlineName));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        whenCommitting(() -> {
            List<String> scheduleIds = jdbc.queryForList("""
                    DELETE FROM command_side.deadline_scope WHERE scope = ? AND deadline_name = ?
                    RETURNING schedule_id""", String.class, keyOf(scope), deadlineName);
            scheduleIds.forEach(this::cancel);
        });
    }

    private void cancel(String scheduleId) {
        try {
            scheduler.cancel(TaskInstanceId.of(TASK_NAME, scheduleId));
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
            log.debug("Deadline {} has fired or is firing; it finds its booking's state changed", scheduleId);
        }
    }

    private static void whenCommitting(Runnable work) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> work.run());
        } else {
            work.run();
        }
    }

    static String keyOf(ScopeDescriptor scope) {
        return scope instanceof AggregateScopeDescriptor aggregate
                ? aggregate.getType() + ":" + aggregate.getIdentifier()
                : scope.scopeDescription();
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
        return axon.registerDispatchInterceptor(dispatchInterceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
        return axon.registerHandlerInterceptor(handlerInterceptor);
    }

    /** Axon starts and stops the scheduler through the manager it knows, which is this one. */
    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        axon.registerLifecycleHandlers(lifecycle);
    }

    @Override
    public void shutdown() {
        axon.shutdown();
    }
}
