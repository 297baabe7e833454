package com.coworkly.commandside.commands;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What controllers send commands through. It waits for the command to be decided and committed, turns an
 * unknown aggregate id into a refusal the API can name, and reads the position of the aggregate's newest
 * event. That position may belong to a later command on the same aggregate, which only makes a
 * read-your-writes wait a little longer, never too short.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;

    CommandSender(CommandGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    public <R> Accepted<R> send(TargetsAggregate command) {
        return send(command, MetaData.emptyInstance());
    }

    /** For commands not asked for by the caller of a request: {@code metaData} names the actor. */
    public <R> Accepted<R> send(TargetsAggregate command, MetaData metaData) {
        R result;
        try {
            result = gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException e) {
            throw new UnknownTarget(command);
        }
        Long position = jdbc.queryForObject(
                "SELECT max(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                command.targetId());
        return new Accepted<>(result, position == null ? 0 : position);
    }
}
