package com.coworkly.queryside.operations;

import com.coworkly.queryside.config.RetryUnderSavepoint;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoggedDeadLetterPolicyTest {

    private final LoggedDeadLetterPolicy policy = new LoggedDeadLetterPolicy();
    private final EventMessage<String> event = GenericEventMessage.asEventMessage("an event");

    @Test
    void anEventThatFailsOnItsOwnIsParked() {
        SQLException poison = new SQLException("new row violates check constraint", "23514");

        assertThat(policy.decide(new GenericDeadLetter<>("sequence", event, poison), poison)
                        .shouldEnqueue())
                .isTrue();
    }

    /** Parked, it would be missing from its read model until an operator retried it; retried, it is not. */
    @Test
    void anEventThatFailsBecauseTheDatabaseIsOutOfReachFailsItsBatchInstead() {
        SQLException restart = new SQLException("terminating connection due to administrator command", "57P01");

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("sequence", event, restart), restart))
                .isInstanceOf(LoggedDeadLetterPolicy.DatabaseOutOfReach.class)
                .hasCause(restart);
    }

    /** Its transaction may be aborted and could not take the dead letter: the retried batch takes a savepoint. */
    @Test
    void anEventWhoseHandlerFailedWithoutASavepointFailsItsBatchToBeRetriedWithOne() {
        SQLException poison = new SQLException("new row violates check constraint", "23514");
        RetryUnderSavepoint retry = new RetryUnderSavepoint(poison);

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("sequence", event, retry), retry))
                .isSameAs(retry);
    }

    @Test
    void aHandlerThatFailedWithoutASavepointBecauseTheDatabaseIsOutOfReachIsAnOutage() {
        SQLException restart = new SQLException("terminating connection due to administrator command", "57P01");
        RetryUnderSavepoint retry = new RetryUnderSavepoint(restart);

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("sequence", event, retry), retry))
                .isInstanceOf(LoggedDeadLetterPolicy.DatabaseOutOfReach.class);
    }
}
