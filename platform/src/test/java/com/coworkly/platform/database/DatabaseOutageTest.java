package com.coworkly.platform.database;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

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
