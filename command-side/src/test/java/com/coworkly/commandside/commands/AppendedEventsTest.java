package com.coworkly.commandside.commands;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AppendedEventsTest {

    private final AppendedEvents appended = new AppendedEvents();
    private UnitOfWork<?> unitOfWork;

    @AfterEach
    void closeUnitOfWork() {
        if (unitOfWork != null && unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    @Test
    void recordsTheEventsPublishedByTheSentCommand() {
        String send = appended.begin();
        unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a command")
                .andMetaData(MetaData.with(AppendedEvents.SEND_KEY, send)));
        EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

        appended.handle(List.of(event)).apply(0, event);

        assertThat(appended.end(send)).containsExactly(event.getIdentifier());
    }

    @Test
    void passesOverEventsOfAUnitOfWorkWithoutAMessage() {
        String send = appended.begin();
        // Axon's dead-letter processing starts its unit of work with no message; the refunds' retries publish in it.
        unitOfWork = DefaultUnitOfWork.startAndGet(null);
        EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

        assertThat(appended.handle(List.of(event)).apply(0, event)).isSameAs(event);
        assertThat(appended.end(send)).isEmpty();
    }
}
