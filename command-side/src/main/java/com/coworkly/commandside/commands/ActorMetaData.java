package com.coworkly.commandside.commands;

import com.coworkly.platform.audit.AuditMetaData;
import com.coworkly.platform.audit.RequestIds;
import com.coworkly.platform.security.CurrentCaller;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts the authenticated caller on every command sent from a request, unless the sender named one already, and
 * the request's id, so that the events the command causes say which request they came from.
 */
public class ActorMetaData implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static MetaData of(Actor actor) {
        return MetaData.from(Map.of(Actor.ID_KEY, actor.id(), Actor.ROLES_KEY, actor.rolesAsText()));
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> withRequestId(withActor(command));
    }

    private static CommandMessage<?> withActor(CommandMessage<?> command) {
        return command.getMetaData().containsKey(Actor.ID_KEY)
                ? command
                : CurrentCaller.fromSecurityContext()
                        .<CommandMessage<?>>map(
                                caller -> command.andMetaData(of(new Actor(caller.memberId(), caller.roles()))))
                        .orElse(command);
    }

    private static CommandMessage<?> withRequestId(CommandMessage<?> command) {
        return command.getMetaData().containsKey(AuditMetaData.REQUEST_ID)
                ? command
                : RequestIds.current()
                        .<CommandMessage<?>>map(id -> command.andMetaData(Map.of(AuditMetaData.REQUEST_ID, id)))
                        .orElse(command);
    }
}
