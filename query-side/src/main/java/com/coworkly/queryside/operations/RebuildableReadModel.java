package com.coworkly.queryside.operations;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Function;

/**
 * A read model that an operator may rebuild from the first event without stopping its queries: its processing
 * group, every table its handlers write (all of them, or a switch-over would leave one stale), and how to make a
 * second instance of its handlers that writes through another connection pool, into copies of those tables.
 *
 * @param processingGroup    the projection's processing group, also its event processor's name
 * @param tables             the read model's tables in the {@code query_side} schema, unqualified
 * @param handlersWritingTo  a fresh instance of the projection's event handlers using the given template; the
 *                           handlers must use unqualified table names, so that the template's search path decides
 *                           which copy they write
 */
public record RebuildableReadModel(
        String processingGroup, List<String> tables, Function<JdbcTemplate, Object> handlersWritingTo) {

    public RebuildableReadModel {
        tables = List.copyOf(tables);
    }
}
