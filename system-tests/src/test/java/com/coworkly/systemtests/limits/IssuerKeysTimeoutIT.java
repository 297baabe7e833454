package com.coworkly.systemtests.limits;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SilentServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side checks tokens against the issuer's key set, fetched over HTTP. Here the key set's address takes
 * the connection and never answers (1 s read timeout): a caller with a good token is told to come back, promptly,
 * instead of waiting for ever or getting a 500.
 */
class IssuerKeysTimeoutIT {

    private static SilentServer keys;
    private static RunningSystem system;

    @BeforeAll
    static void aQuerySideWhoseIssuerKeysNeverAnswer() throws IOException {
        keys = new SilentServer();
        system = RunningSystem.start(
                Map.of(),
                Map.of(
                        "BOOKING_JWKS_URI",
                        "http://127.0.0.1:" + keys.port() + "/.well-known/jwks.json",
                        "BOOKING_JWKS_READ_TIMEOUT",
                        "PT1S"));
    }

    @AfterAll
    static void stop() throws IOException {
        system.close();
        keys.close();
    }

    @Test
    void aTokenThatCannotBeCheckedForWantOfTheKeysIsAnsweredWith503() {
        Api api = system.api();
        Api.Session member = api.signIn(Api.MEMBER);

        Reply reply = api.querySide().as(member).get("/api/spaces").expectProblem(503, "ISSUER_UNAVAILABLE");

        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(keys.connections()).as("connections the silent key set took").isGreaterThanOrEqualTo(1);
        api.querySide().get("/api/spaces").expectProblem(401, "UNAUTHENTICATED");
        api.querySide().withToken("not-a-token").get("/api/spaces").expectProblem(401, "UNAUTHENTICATED");
        api.querySide().get("/actuator/health").expectStatus(200);
    }
}
