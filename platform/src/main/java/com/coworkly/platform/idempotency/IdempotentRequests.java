package com.coworkly.platform.idempotency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code idempotent_request} table of the service's own schema. Each statement commits on its own:
 * the claim must be visible to a racing retry before the original request has finished.
 */
class IdempotentRequests {

    record Recorded(String fingerprint, Optional<StoredAnswer> answer) {
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    IdempotentRequests(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** True when this request is the first with its key, and so the one that runs. */
    boolean claim(RequestIdentity request) {
        return jdbc.update("""
                INSERT INTO idempotent_request (caller, idempotency_key, fingerprint, claimed_at)
                VALUES (?, ?, ?, now())
                ON CONFLICT (caller, idempotency_key) DO NOTHING""",
                request.caller(), request.key(), request.fingerprint()) == 1;
    }

    Optional<Recorded> find(RequestIdentity request) {
        return jdbc.query("""
                SELECT fingerprint, status, headers, body FROM idempotent_request
                WHERE caller = ? AND idempotency_key = ?""",
                (rs, row) -> {
                    int status = rs.getInt("status");
                    Optional<StoredAnswer> answer = rs.wasNull() ? Optional.empty()
                            : Optional.of(new StoredAnswer(status, readHeaders(rs.getString("headers")),
                                    rs.getBytes("body")));
                    return new Recorded(rs.getString("fingerprint"), answer);
                },
                request.caller(), request.key()).stream().findFirst();
    }

    void remember(RequestIdentity request, StoredAnswer answer) {
        jdbc.update("""
                UPDATE idempotent_request SET status = ?, headers = ?::jsonb, body = ?, completed_at = now()
                WHERE caller = ? AND idempotency_key = ?""",
                answer.status(), writeHeaders(answer.headers()), answer.body(), request.caller(), request.key());
    }

    void release(RequestIdentity request) {
        jdbc.update("DELETE FROM idempotent_request WHERE caller = ? AND idempotency_key = ? AND status IS NULL",
                request.caller(), request.key());
    }

    private Map<String, String> readHeaders(String json) {
        try {
            return mapper.readValue(json, HEADERS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable stored headers", e);
        }
    }

    private String writeHeaders(Map<String, String> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unwritable headers", e);
        }
    }
}
