package com.coworkly.platform.web;

import com.coworkly.platform.database.DatabaseOutage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.RemoteKeySourceException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A 503 that tells the client when to try again: the instance is busy (no request slot came free), its database
 * pool gave no connection in time (HikariCP's connection timeout, whether the pool was exhausted or PostgreSQL
 * unreachable) or the database dropped the connection (a restart), or the issuer's key set, needed to check a token, could not be fetched. None is a bug, and the
 * same request may succeed later.
 */
public final class ComeBackLater {

    private ComeBackLater() {}

    /** The problem to answer when {@code failure} is, or was caused by, a dependency that did not answer in time. */
    public static Optional<ProblemDetail> problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (DatabaseOutage.causes(cause)) {
                return Optional.of(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ConventionCode.DATABASE_UNAVAILABLE,
                        "The service could not reach its database in time; please try again shortly."));
            }
            if (cause instanceof RemoteKeySourceException) {
                return Optional.of(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ConventionCode.ISSUER_UNAVAILABLE,
                        "The keys that verify your token could not be fetched; please try again shortly."));
            }
        }
        return Optional.empty();
    }

    public static ResponseEntity<Object> answer(ProblemDetail problem, Duration retryAfter) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, seconds(retryAfter))
                .body(problem);
    }

    /** For filters, which answer before Spring MVC's exception handling is reached. */
    public static void write(
            HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem, Duration retryAfter)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
        Problems.write(response, mapper, problem);
    }

    public static void writeOverloaded(HttpServletResponse response, ObjectMapper mapper, Duration retryAfter)
            throws IOException {
        write(
                response,
                mapper,
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ConventionCode.OVERLOADED,
                        "The service is busy; please try again shortly."),
                retryAfter);
    }

    /** Retry-After in whole seconds, at least one. */
    private static String seconds(Duration retryAfter) {
        long millis = retryAfter.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
