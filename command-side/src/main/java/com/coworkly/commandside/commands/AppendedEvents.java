package com.coworkly.commandside.commands;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/**
 * The events a sent command appended, of every aggregate it changed: a booking's and its member's credit ledger's,
 * a block's and the bookings it displaced. {@link CommandSender} answers the position of the newest of them, so that
 * a read-your-writes wait covers all that the command wrote, not only its own aggregate's events. Events are
 * recorded under a key the sender puts into the command's metadata, because a command retried after a lost race
 * runs on another thread; an attempt that rolled back leaves ids that name no stored event, which the position's
 * query ignores.
 */
@Component
public class AppendedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String SEND_KEY = "coworkly.send";

    private final ConcurrentMap<String, Set<String>> bySend = new ConcurrentHashMap<>();

    /** Starts recording for one send; the key goes into the command's metadata. */
    String begin() {
        String send = UUID.randomUUID().toString();
        bySend.put(send, ConcurrentHashMap.newKeySet());
        return send;
    }

    /** Stops recording for the send and answers the ids of the events it appended. */
    Set<String> end(String send) {
        Set<String> ids = bySend.remove(send);
        return ids == null ? Set.of() : ids;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            Set<String> ids = recordingFor(CurrentUnitOfWork.map(UnitOfWork::getMessage));
            if (ids != null) {
                ids.add(event.getIdentifier());
            }
            return event;
        };
    }

    /**
     * Events are published when the root unit of work commits. A command's own root carries the command; a unit of
     * work started by Axon's dead-letter processing carries no message at all, so there is nothing to record.
     */
    private Set<String> recordingFor(Optional<Message<?>> rootMessage) {
        return rootMessage
                .map(message -> message.getMetaData().get(SEND_KEY))
                .map(send -> bySend.get(send.toString()))
                .orElse(null);
    }
}
