package com.coworkly.queryside.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every event handler invocation under a savepoint of the processor's transaction, so that a handler that fails
 * on an SQL error can still have its event parked in the dead-letter queue.
 * <p>
 * PostgreSQL aborts a transaction at its first failed statement. Axon's dead-lettering invoker catches the handler's
 * exception and inserts the dead letter through the same connection and transaction; without a savepoint that insert
 * fails too, the batch rolls back and the processor retries it for ever. Rolling back to the savepoint undoes only
 * the failed handler's writes and leaves the transaction valid for the dead letter, the other events of the batch and
 * the token. A retry of a dead letter goes through the same handlers, so a retry that fails again is requeued the same
 * way. This wraps the handler members, not the processor: a processor's {@code MessageHandlerInterceptor} would
 * wrap the dead-lettering invoker itself, whose enqueue would then run inside the failed savepoint (decision 22).
 */
final class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;

    SavepointPerEventHandler(PlatformTransactionManager transactions) {
        // NESTED on the DataSource's transaction manager is a JDBC savepoint inside the processor's transaction.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.canHandleMessageType(EventMessage.class) ? new UnderSavepoint<>(original) : original;
    }

    private final class UnderSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private UnderSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
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
