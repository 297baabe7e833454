package com.coworkly.queryside.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the event store's table directly, read-only (decision 19): Axon's event store API reads an aggregate's
 * stream or the global stream, but cannot search by metadata. The metadata conditions are written exactly as the
 * command side's V6 migration indexes them, so that PostgreSQL uses those indexes.
 */
@Component
class AuditEvents {

    private static final String COLUMNS = "SELECT global_index, event_identifier, aggregate_identifier, type, "
            + "sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data "
            + "FROM event_store.domain_event_entry ";
    private static final int STREAM_FETCH_SIZE = 500;

    private static final RowMapper<StoredEvent> ROW = (rs, row) -> new StoredEvent(
            rs.getLong("global_index"),
            rs.getString("event_identifier"),
            rs.getString("aggregate_identifier"),
            rs.getString("type"),
            rs.getLong("sequence_number"),
            rs.getString("payload_type"),
            rs.getString("payload_revision"),
            Instant.parse(rs.getString("time_stamp")),
            rs.getBytes("payload"),
            rs.getBytes("meta_data"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** An aggregate's events in the order they were applied (its snapshots are never consulted). */
    List<StoredEvent> ofAggregate(String aggregateId) {
        return jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? ORDER BY sequence_number", ROW, aggregateId);
    }

    List<StoredEvent> search(AuditFilter filter, long offset, int limit) {
        Where where = Where.of(filter);
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query(COLUMNS + where.sql() + " ORDER BY global_index LIMIT ? OFFSET ?", ROW, arguments.toArray());
    }

    long count(AuditFilter filter) {
        Where where = Where.of(filter);
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry " + where.sql(),
                Long.class,
                where.arguments().toArray());
        return count == null ? 0 : count;
    }

    /**
     * Every matching event in global order, handed over one at a time: PostgreSQL sends rows in batches through a
     * cursor only inside a transaction, so that a large range never sits in memory.
     */
    void stream(AuditFilter filter, Consumer<StoredEvent> each) {
        Where where = Where.of(filter);
        readOnly.executeWithoutResult(status -> {
            JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
            cursor.setFetchSize(STREAM_FETCH_SIZE);
            cursor.query(
                    COLUMNS + where.sql() + " ORDER BY global_index",
                    (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, 0)),
                    where.arguments().toArray());
        });
    }

    private record Where(String sql, List<Object> arguments) {

        static Where of(AuditFilter filter) {
            List<String> conditions = new ArrayList<>();
            List<Object> arguments = new ArrayList<>();
            filter.aggregateType().ifPresent(type -> {
                conditions.add("type = ?");
                arguments.add(type);
            });
            filter.actorId().ifPresent(actor -> {
                conditions.add("event_store.meta_data_json(meta_data) ->> 'actorId' = ?");
                arguments.add(actor);
            });
            filter.correlationId().ifPresent(correlation -> {
                conditions.add("event_store.meta_data_json(meta_data) ->> 'correlationId' = ?");
                arguments.add(correlation);
            });
            filter.requestId().ifPresent(request -> {
                conditions.add("event_store.meta_data_json(meta_data) ->> 'requestId' = ?");
                arguments.add(request);
            });
            filter.from().ifPresent(from -> {
                conditions.add("event_store.event_time(time_stamp) >= ?");
                arguments.add(from.atOffset(ZoneOffset.UTC));
            });
            filter.to().ifPresent(to -> {
                conditions.add("event_store.event_time(time_stamp) < ?");
                arguments.add(to.atOffset(ZoneOffset.UTC));
            });
            return new Where(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), arguments);
        }
    }
}
