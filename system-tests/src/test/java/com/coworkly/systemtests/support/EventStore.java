package com.coworkly.systemtests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of the system's database, to check what was (or was not) stored. */
public final class EventStore {

    private final String url;
    private final TestDatabase.Server server;

    EventStore(String url, TestDatabase.Server server) {
        this.url = url;
        this.server = server;
    }

    public long count() {
        return longValue("SELECT count(*) FROM event_store.domain_event_entry");
    }

    public long countOf(String eventType, String aggregateId) {
        return longValue(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%.' || ? "
                        + "AND aggregate_identifier = ?",
                eventType, aggregateId);
    }

    public long countOfType(String eventType) {
        return longValue(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%.' || ?", eventType);
    }

    /** Payload types of one aggregate's events, in order. */
    public List<String> typesOf(String aggregateId) {
        return strings(
                        "SELECT payload_type FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                                + "ORDER BY sequence_number",
                        aggregateId)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    public List<String> strings(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            if (!statement.execute()) {
                return values;
            }
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A statement that answers no rows: a test that breaks a read model on purpose, and mends it, uses this. */
    public void execute(String sql) {
        strings(sql);
    }

    /**
     * Takes a table lock ({@code LOCK TABLE …} statement) in a transaction of its own and keeps it until the
     * returned lock is closed: the requests that need the table wait inside the services meanwhile.
     */
    public Held hold(String lockStatement) {
        try {
            Connection connection = DriverManager.getConnection(url, server.user(), server.password());
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(lockStatement)) {
                statement.execute();
            }
            return new Held(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(lockStatement, e);
        }
    }

    /** A lock taken by {@link #hold}; closing it rolls its transaction back, which releases the lock. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public long longValue(String sql, Object... parameters) {
        return Long.parseLong(strings(sql, parameters).get(0));
    }
}
