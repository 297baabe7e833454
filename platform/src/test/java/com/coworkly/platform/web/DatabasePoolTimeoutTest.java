package com.coworkly.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A connection pool that gives no connection in time, or a database that dropped or refused the connection, is load
 * or an outage: 503 with Retry-After, not a 500.
 */
class DatabasePoolTimeoutTest {

    @RestController
    static class Handlers {
        @GetMapping("/pool-timeout")
        void poolTimeout() {
            // What Spring's transaction manager throws when HikariCP times out before a command's transaction.
            throw new CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }

        @GetMapping("/connection-lost")
        void connectionLost() throws java.sql.SQLException {
            // What the JDBC driver throws on a pooled connection when PostgreSQL restarts under it.
            throw new org.springframework.dao.DataAccessResourceFailureException(
                    "PreparedStatementCallback",
                    new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        }

        @GetMapping("/refused")
        void refused() throws java.sql.SQLException {
            throw new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        }

        @GetMapping("/bug")
        void bug() {
            throw new IllegalStateException("a bug");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Handlers())
            .setControllerAdvice(new ProblemDetailsAdvice(Duration.ofSeconds(3)))
            .build();

    @Test
    void aPoolTimeoutIsAnswered503DatabaseUnavailableWithRetryAfter() throws Exception {
        mvc.perform(get("/pool-timeout"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("DATABASE_UNAVAILABLE"));
    }

    @Test
    void aConnectionTheDatabaseDroppedOrRefusedIs503Too() throws Exception {
        for (String path : new String[] {"/connection-lost", "/refused"}) {
            mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "3"))
                    .andExpect(jsonPath("$.code").value("DATABASE_UNAVAILABLE"));
        }
    }

    @Test
    void anyOtherFailureIsStillA500() throws Exception {
        mvc.perform(get("/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
    }
}
