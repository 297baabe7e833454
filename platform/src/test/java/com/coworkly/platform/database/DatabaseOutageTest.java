package com.coworkly.platform.database;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void aPoolTimeoutACutConnectionAndARestartingServerAreOutages() {
        assertThat(DatabaseOutage.causes(new CannotCreateTransactionException(
                        "no connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))
                .isTrue();
        assertThat(DatabaseOutage.causes(new RuntimeException(new SQLException("An I/O error occurred", "08006"))))
                .isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))
                .isTrue();
        assertThat(DatabaseOutage.causes(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    /** HikariCP's stand-in for a connection it evicted as broken, used again within the same transaction. */
    @Test
    void aStatementOnAConnectionThePoolClosedIsAnOutage() {
        assertThat(DatabaseOutage.causes(new IllegalStateException(
                        "Failed to create a SQL statement", new SQLException("Connection is closed"))))
                .isTrue();
    }

    /**
     * A failover: a connection still open to the demoted primary, or opened to the standby before its promotion,
     * refuses writes; and a commit in flight when the primary died loses its connection, which Spring reports as
     * a commit that failed.
     */
    @Test
    void aWriteOnAServerMadeReadOnlyByAFailoverAndACommitCutMidwayAreOutages() {
        assertThat(DatabaseOutage.causes(new UncategorizedSQLException(
                        "insert",
                        "INSERT INTO event_store.domain_event_entry ...",
                        new SQLException("cannot execute INSERT in a read-only transaction", "25006"))))
                .isTrue();
        assertThat(DatabaseOutage.causes(new TransactionSystemException(
                        "Could not commit JDBC transaction",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
                .isTrue();
    }

    @Test
    void aRefusalOfTheWorkItselfIsNot() {
        assertThat(DatabaseOutage.causes(new DataIntegrityViolationException(
                        "check", new SQLException("new row violates check constraint", "23514"))))
                .isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("something else"))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("a bug"))).isFalse();
    }
}
