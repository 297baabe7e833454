package com.coworkly.platform.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * What Axon copies from the message being handled onto every message it produces (events applied, commands
 * sent): the actor, the command's name and the request id. A command carries them as its dispatcher put them;
 * a deadline is the system's own doing, so its events name the deadline as actor rather than whoever
 * scheduled it, and belong to no request.
 */
public class AuditTrail implements CorrelationDataProvider {

    /** Deadlines act with the rights that {@code Actor.system(...)} gives the command side's processes. */
    static final String SYSTEM_ROLES = "ADMIN";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        if (message instanceof DeadlineMessage<?> deadline) {
            data.put(AuditMetaData.ACTOR_ID, AuditMetaData.SYSTEM_PREFIX + deadline.getDeadlineName());
            data.put(AuditMetaData.ACTOR_ROLES, SYSTEM_ROLES);
            data.put(AuditMetaData.DEADLINE_NAME, deadline.getDeadlineName());
            return data;
        }
        copy(message, AuditMetaData.ACTOR_ID, data);
        copy(message, AuditMetaData.ACTOR_ROLES, data);
        copy(message, AuditMetaData.REQUEST_ID, data);
        if (message instanceof CommandMessage<?>) {
            data.put(AuditMetaData.COMMAND_NAME, message.getPayloadType().getSimpleName());
        } else {
            copy(message, AuditMetaData.COMMAND_NAME, data);
        }
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
