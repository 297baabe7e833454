package com.coworkly.platform.idempotency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code idempotent_request} table of the service's own schema. Each statement commits on its own:
 * the claim must be visible to a racing retry before the original request has finished. A claim is leased: the
 * instance running its request renews the lease (see {@link ClaimLeases}), and a retry takes over a claim whose
 * lease ran out, because the instance that held it died or lost the database before it could release it.
 */
class IdempotentRequests {

    record Recorded(String fingerprint, Optional<StoredAnswer> answer) {}

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    IdempotentRequests(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * True when this request is the one that runs: the first with its key, or a retry of a request whose claim
     * was abandoned unanswered (its lease ran out).
     */
    boolean claim(RequestIdentity request, Duration lease) {
        return jdbc.update("""
                INSERT INTO idempotent_request (caller, idempotency_key, fingerprint, claimed_at, lease_until)
                VALUES (?, ?, ?, now(), now() + ?::interval)
                ON CONFLICT (caller, idempotency_key) DO UPDATE
                    SET claimed_at = now(), lease_until = excluded.lease_until
                    WHERE idempotent_request.status IS NULL AND idempotent_request.lease_until < now()
                      AND idempotent_request.fingerprint = excluded.fingerprint""", request.caller(), request.key(), request.fingerprint(), seconds(lease)) == 1;
    }

    /** Extends the leases of the claims whose requests this instance is running. */
    void renew(Collection<RequestIdentity> running, Duration lease) {
        if (running.isEmpty()) {
            return;
        }
        jdbc.update(
                """
                UPDATE idempotent_request r SET lease_until = now() + ?::interval
                FROM unnest(?::varchar[], ?::varchar[]) AS running (caller, idempotency_key)
                WHERE r.caller = running.caller AND r.idempotency_key = running.idempotency_key
                  AND r.status IS NULL""",
                seconds(lease),
                running.stream().map(RequestIdentity::caller).toArray(String[]::new),
                running.stream().map(RequestIdentity::key).toArray(String[]::new));
    }

    Optional<Recorded> find(RequestIdentity request) {
        return jdbc
                .query(
                        """
                SELECT fingerprint, status, headers, body FROM idempotent_request
                WHERE caller = ? AND idempotency_key = ?""",
                        (rs, row) -> {
                            int status = rs.getInt("status");
                            Optional<StoredAnswer> answer = rs.wasNull()
                                    ? Optional.empty()
                                    : Optional.of(new StoredAnswer(
                                            status, readHeaders(rs.getString("headers")), rs.getBytes("body")));
                            return new Recorded(rs.getString("fingerprint"), answer);
                        },
                        request.caller(),
                        request.key())
                .stream()
                .findFirst();
    }

    void remember(RequestIdentity request, StoredAnswer answer) {
        jdbc.update(
                """
                UPDATE idempotent_request SET status = ?, headers = ?::jsonb, body = ?, completed_at = now()
                WHERE caller = ? AND idempotency_key = ?""", answer.status(), writeHeaders(answer.headers()), answer.body(), request.caller(), request.key());
    }

    void release(RequestIdentity request) {
        jdbc.update(
                "DELETE FROM idempotent_request WHERE caller = ? AND idempotency_key = ? AND status IS NULL",
                request.caller(),
                request.key());
    }

    private static String seconds(Duration lease) {
        return lease.toMillis() / 1000.0 + " seconds";
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
