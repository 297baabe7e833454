package com.coworkly.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * A 503 that tells the client when to try again: the instance is busy (no request slot came free) or its
 * database pool gave no connection in time (HikariCP's connection timeout, whether the pool was exhausted or
 * PostgreSQL unreachable). Neither is a bug, and the same request may succeed later.
 */
public final class ComeBackLater {

    private ComeBackLater() {
    }

    /** Whether {@code failure} is, or was caused by, the connection pool giving up waiting for a connection. */
    public static boolean isDatabasePoolTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    public static ResponseEntity<Object> databaseUnavailable(Duration retryAfter) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, seconds(retryAfter))
                .body(databaseProblem());
    }

    /** For filters, which answer before Spring MVC's exception handling is reached. */
    public static void writeDatabaseUnavailable(HttpServletResponse response, ObjectMapper mapper,
                                                Duration retryAfter) throws IOException {
        write(response, mapper, databaseProblem(), retryAfter);
    }

    public static void writeOverloaded(HttpServletResponse response, ObjectMapper mapper, Duration retryAfter)
            throws IOException {
        write(response, mapper, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.OVERLOADED,
                "The service is busy; please try again shortly."), retryAfter);
    }

    private static ProblemDetail databaseProblem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.DATABASE_UNAVAILABLE,
                "The service could not reach its database in time; please try again shortly.");
    }

    private static void write(HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem,
                              Duration retryAfter) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
        Problems.write(response, mapper, problem);
    }

    /** Retry-After in whole seconds, at least one. */
    private static String seconds(Duration retryAfter) {
        long millis = retryAfter.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
