package com.coworkly.commandside.commands;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * What controllers send commands through. It waits for the command to be decided and committed, turns an
 * unknown aggregate id into a refusal the API can name, and reads the position of the newest event the command
 * appended, of whichever aggregate ({@link AppendedEvents}). A command that appended nothing answers its
 * aggregate's newest event, which may belong to a later command, and only makes a read-your-writes wait a little
 * longer, never too short.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final AppendedEvents appended;

    CommandSender(CommandGateway gateway, JdbcTemplate jdbc, AppendedEvents appended) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.appended = appended;
    }

    public <R> Accepted<R> send(TargetsAggregate command) {
        return send(command, MetaData.emptyInstance());
    }

    /** For commands not asked for by the caller of a request: {@code metaData} names the actor. */
    public <R> Accepted<R> send(TargetsAggregate command, MetaData metaData) {
        R result;
        String send = appended.begin();
        Set<String> events;
        try {
            result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(metaData)
                    .andMetaData(Map.of(AppendedEvents.SEND_KEY, send)));
        } catch (AggregateNotFoundException e) {
            throw new UnknownTarget(command);
        } finally {
            events = appended.end(send);
        }
        Long position = events.isEmpty()
                ? null
                : jdbc.queryForObject(
                        "SELECT max(global_index) FROM event_store.domain_event_entry WHERE event_identifier = ANY(?)",
                        Long.class,
                        (Object) events.toArray(String[]::new));
        if (position == null) {
            position = jdbc.queryForObject(
                    "SELECT max(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class,
                    command.targetId());
        }
        return new Accepted<>(result, position == null ? 0 : position);
    }
}
