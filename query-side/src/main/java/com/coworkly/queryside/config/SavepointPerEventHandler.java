package com.coworkly.queryside.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Runs a read model's event handlers under a savepoint of the processor's transaction while they fail, so that an
 * event a handler fails on, on an SQL error too, can still be parked in the dead-letter queue (decisions 22 and 33).
 * <p>
 * PostgreSQL aborts a transaction at its first failed statement. Axon's dead-lettering invoker catches the handler's
 * exception and inserts the dead letter through the same connection and transaction; without a savepoint that insert
 * fails too, the batch rolls back and the processor retries it for ever. Rolling back to a savepoint undoes only the
 * failed handler's writes and leaves the transaction valid for the dead letter, the other events of the batch and
 * the token. This wraps the handler members, not the processor: a processor's {@code MessageHandlerInterceptor} would
 * wrap the dead-lettering invoker itself, whose enqueue would then run inside the failed savepoint.
 * <p>
 * A savepoint costs two round trips (SAVEPOINT, RELEASE SAVEPOINT) per event and projection, and handlers almost
 * never fail, so a projection's handlers run without one until one of them fails. That failure throws a
 * {@link RetryUnderSavepoint} instead of its own, on which the dead-letter policy fails the batch, which rolls back;
 * and it makes the projection careful for {@link #CAREFUL_FOR}: each of its handlers then runs under a savepoint, so
 * the retried batch parks every event that fails again, as before this optimisation, however many there are. Each
 * failure while careful extends the time, so a projection failing on every event (a bug, a dropped column) stays
 * careful and keeps parking, at the old cost; one that has not failed for a minute goes back to the fast path.
 * <p>
 * What a poison event now costs, once: one failed batch (up to the processor's batch size of events handled and
 * rolled back) and the wait before it is retried. Axon 4.13's pooled processor, once its coordinator sees the failed
 * work package, releases its claim and does not claim the segment again for 1 s (doubled after each failure in a
 * row, reset when a batch succeeds); the coordinator runs its claim rounds a second apart here, so the retry comes
 * about 3 s after the failure (DeadLettersIT). The notifications' tracking processor sleeps 1 s before retrying.
 * <p>
 * The careful time is this instance's. If another instance claims the released segment before the retry, its
 * projection fails fast once too and becomes careful there; its own retry parks the events.
 * <p>
 * An operator's retry of dead letters runs {@link SavepointForEveryHandler#during every handler} under a savepoint: a
 * letter that fails again is requeued in the retry's transaction, never turned into a failed request. A rebuild's
 * shadow processor builds its own handler invoker, which Axon's Spring support does not give this enhancer, so it
 * takes no savepoints at all (decision 26).
 */
final class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    /** Far longer than the wait before a failed batch is retried (seconds), short enough to matter little after. */
    static final Duration CAREFUL_FOR = Duration.ofMinutes(1);

    private final TransactionTemplate savepoint;
    private final LongSupplier nanoTime;
    /** Projections (handler classes) that failed lately, and until when (System.nanoTime) they stay careful. */
    private final Map<Class<?>, Long> carefulUntil = new ConcurrentHashMap<>();

    SavepointPerEventHandler(PlatformTransactionManager transactions) {
        this(transactions, System::nanoTime);
    }

    SavepointPerEventHandler(PlatformTransactionManager transactions, LongSupplier nanoTime) {
        // NESTED on the DataSource's transaction manager is a JDBC savepoint inside the processor's transaction.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.nanoTime = nanoTime;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.canHandleMessageType(EventMessage.class) ? new SavepointWhileFailing<>(original) : original;
    }

    private boolean careful(Class<?> projection) {
        Long until = carefulUntil.get(projection);
        if (until == null) {
            return false;
        }
        if (nanoTime.getAsLong() - until < 0) {
            return true;
        }
        carefulUntil.remove(projection, until);
        return false;
    }

    private void failed(Class<?> projection) {
        carefulUntil.put(projection, nanoTime.getAsLong() + CAREFUL_FOR.toNanos());
    }

    private final class SavepointWhileFailing<T> extends WrappedMessageHandlingMember<T> {

        private SavepointWhileFailing(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            Class<?> projection = target == null ? declaringClass() : target.getClass();
            if (SavepointForEveryHandler.active()) {
                return underSavepoint(message, target);
            }
            if (careful(projection)) {
                try {
                    return underSavepoint(message, target);
                } catch (Exception e) {
                    failed(projection);
                    throw e;
                }
            }
            try {
                return super.handle(message, target);
            } catch (Exception e) {
                failed(projection);
                throw new RetryUnderSavepoint(e);
            }
        }

        private Object underSavepoint(Message<?> message, T target) throws Exception {
            AtomicReference<Exception> failure = new AtomicReference<>();
            Object result = savepoint.execute(status -> {
                try {
                    return super.handle(message, target);
                } catch (Exception e) {
                    // Checked exceptions too: roll back to the savepoint, then let Axon see the handler's own failure.
                    status.setRollbackOnly();
                    failure.set(e);
                    return null;
                }
            });
            if (failure.get() != null) {
                throw failure.get();
            }
            return result;
        }
    }
}
