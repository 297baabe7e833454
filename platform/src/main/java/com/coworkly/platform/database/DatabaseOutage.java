package com.coworkly.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure of the database's reach (a restart, a cut connection, a pool that gave no connection in time, a
 * primary that was demoted to a read-only standby by a failover) from a failure of the work itself. The first says
 * nothing about the request or event at hand: the same work succeeds once the database is back, so it is answered 503
 * rather than 500, and a projection retries its batch rather than parking the event as poison.
 */
public final class DatabaseOutage {

    /**
     * {@code read_only_sql_transaction}: a write reached a server in recovery, which is what a connection to a primary
     * that a failover demoted (or to a standby not yet promoted) gets. The same write succeeds on the new primary.
     */
    private static final String READ_ONLY_SERVER = "25006";

    /** What HikariCP's stand-in for a connection it has evicted as broken throws, without an SQLSTATE. */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private DatabaseOutage() {}

    /** True when {@code failure}, or one of its causes, is the database out of reach. */
    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLException sql && lost(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), or the server shutting down or restarting (57P01 to 57P03), or a write
     * on a server that is read-only during a failover (25006), or a statement on a connection the pool has already
     * closed because an earlier one found it broken.
     */
    private static boolean lost(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            return CLOSED_BY_THE_POOL.equals(sql.getMessage());
        }
        return state.startsWith("08")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03")
                || state.equals(READ_ONLY_SERVER);
    }
}
