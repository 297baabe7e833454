package com.coworkly.queryside.config;

import com.coworkly.queryside.config.Suspects.Suspect;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a read model's event handler under a savepoint of the processor's transaction where one is needed, so that a
 * handler that fails on an SQL error can still have its event parked in the dead-letter queue (decisions 22 and 33).
 * <p>
 * PostgreSQL aborts a transaction at its first failed statement. Axon's dead-lettering invoker catches the handler's
 * exception and inserts the dead letter through the same connection and transaction; without a savepoint that insert
 * fails too, the batch rolls back and the processor retries it for ever. Rolling back to a savepoint undoes only the
 * failed handler's writes and leaves the transaction valid for the dead letter, the other events of the batch and
 * the token. This wraps the handler members, not the processor: a processor's {@code MessageHandlerInterceptor} would
 * wrap the dead-lettering invoker itself, whose enqueue would then run inside the failed savepoint.
 * <p>
 * A savepoint costs two round trips (SAVEPOINT, RELEASE SAVEPOINT) per event and projection, and handlers almost
 * never fail, so they run without one. A handler that fails so is remembered as a {@link Suspects suspect} (the event,
 * for that projection only) and a {@link RetryUnderSavepoint} is thrown instead of its failure; the dead-letter
 * policy fails the batch on it, which rolls back. The retried batch runs the suspect under a savepoint: a second
 * failure rolls back to it and the handler's own failure goes to the policy, which parks the event as before. A
 * suspect is forgotten once the transaction that handled it carefully commits.
 * <p>
 * What a poison event costs now: one failed batch (up to the processor's batch size of events handled and rolled
 * back) and the wait before the segment is retried. Axon 4.13's pooled processor, once its coordinator sees the failed
 * work package, releases its claim and does not claim the segment again for 1 s (doubled after each failure in a row,
 * to 60 s, reset when a batch succeeds); the coordinator runs its claim rounds a second apart here, so the retry comes
 * a few seconds after the failure (about 3 s in DeadLettersIT). The tracking processor of the notifications sleeps
 * 1 s before retrying (also doubled to 60 s). Then the event is parked.
 * <p>
 * The suspects live in this instance's memory. If another instance claims the released segment, it does not know the
 * suspect: it fails fast on the event too, suspects it itself, and its next retry is careful. Each failure suspects
 * the event where it ran, so the retries converge on one that parks it; a crash between loses nothing but a retry.
 * <p>
 * An operator's retry of dead letters runs {@link SavepointForEveryHandler#during every handler} under a savepoint: a
 * letter that fails again is requeued in the retry's transaction, never turned into a failed request. A rebuild's
 * shadow processor builds its own handler invoker, which Axon's Spring support does not give this enhancer, so it
 * takes no savepoints at all (decision 26).
 */
final class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    /** Far more than the failures in flight at once: at most one per batch that failed and awaits its retry. */
    private static final int SUSPECTS = 4096;

    private final TransactionTemplate savepoint;
    private final Suspects suspects = new Suspects(SUSPECTS);

    SavepointPerEventHandler(PlatformTransactionManager transactions) {
        // NESTED on the DataSource's transaction manager is a JDBC savepoint inside the processor's transaction.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.canHandleMessageType(EventMessage.class) ? new SavepointWhereNeeded<>(original) : original;
    }

    private final class SavepointWhereNeeded<T> extends WrappedMessageHandlingMember<T> {

        private SavepointWhereNeeded(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (SavepointForEveryHandler.active()) {
                return underSavepoint(message, target);
            }
            Suspect suspect = new Suspect(message.getIdentifier(), target == null ? declaringClass() : target.getClass());
            if (suspects.isSuspect(suspect)) {
                forgetOnceCommitted(suspect);
                return underSavepoint(message, target);
            }
            try {
                return super.handle(message, target);
            } catch (Exception e) {
                suspects.suspect(suspect);
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

    /**
     * Only once committed: if the batch fails again (another suspect failing fast after this one, the database out
     * of reach), the next retry must still be careful with this event.
     */
    private void forgetOnceCommitted(Suspect suspect) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            suspects.forget(suspect);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    suspects.forget(suspect);
                }
            }
        });
    }
}
