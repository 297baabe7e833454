package com.coworkly.queryside.operations;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One rebuild per read model across every query-side instance: a PostgreSQL session-level advisory lock, held on a
 * connection of its own for as long as the rebuild runs. Another instance's request cannot take it, even in the
 * moment before the rebuild's tokens are claimed; and an instance that dies lets it go with its session, so a
 * crashed rebuild never blocks the next one. The two-key form keeps these locks apart from the command side's
 * one-key member locks in the same database.
 */
@Component
class RebuildLeases {

    /** The first key of every rebuild lease; the second is the read model's name, hashed. */
    private static final int REBUILD_LOCKS = 0x52_42_4C_44;

    private final DataSource dataSource;

    RebuildLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lease, or empty when a rebuild of the read model holds it, on this instance or another. */
    Optional<Lease> tryTake(String processingGroup) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, REBUILD_LOCKS);
                lock.setString(2, processingGroup);
                try (ResultSet taken = lock.executeQuery()) {
                    if (taken.next() && taken.getBoolean(1)) {
                        return Optional.of(new Lease(connection, processingGroup));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the rebuild lease of " + processingGroup, e);
        }
    }

    /** Held until closed: then the lock is released and the connection goes back to the pool. */
    static final class Lease implements AutoCloseable {

        private final Connection connection;
        private final String processingGroup;

        private Lease(Connection connection, String processingGroup) {
            this.connection = connection;
            this.processingGroup = processingGroup;
        }

        @Override
        public void close() {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                unlock.setInt(1, REBUILD_LOCKS);
                unlock.setString(2, processingGroup);
                unlock.execute();
            } catch (SQLException e) {
                // Rare: the lock then stays with the pooled connection's session until the pool retires it (its
                // maximum lifetime), and a replay of this read model is refused until then.
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
