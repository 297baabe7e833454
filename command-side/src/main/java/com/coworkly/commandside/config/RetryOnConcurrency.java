package com.coworkly.commandside.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command only when it lost an optimistic-locking race on an aggregate: running it again against the
 * newer state may well succeed. Any other failure, a business refusal above all, is final: Axon's own
 * schedulers would retry those too, deciding a refusal several times over.
 */
class RetryOnConcurrency implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final Duration interval;

    RetryOnConcurrency(ScheduledExecutorService executor, int maxRetries, Duration interval) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.interval = interval;
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable commandDispatch) {
        if (failures.size() > maxRetries || !lostARace(lastFailure)) {
            return false;
        }
        executor.schedule(commandDispatch, interval.toMillis() * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
