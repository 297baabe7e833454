package com.coworkly.platform.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.RemoteKeySourceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.JwtException;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AdmissionFilterTest {

    /** As the services configure it: Spring's builder adds the mix-in that writes a problem's properties flat. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private static final List<String> EXEMPT = List.of("/actuator", "/.well-known");
    private static final Duration FOREVER = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final CountDownLatch finish = new CountDownLatch(1);

    @AfterEach
    void stopClients() {
        finish.countDown();
        clients.shutdownNow();
    }

    @Test
    void aRequestThatGetsNoSlotInTimeIsAnswered503OverloadedWithRetryAfter() throws Exception {
        RequestSlots slots = new RequestSlots(1, 1, Duration.ofMillis(50));
        AdmissionFilter filter = new AdmissionFilter(slots, JSON, Duration.ofSeconds(2), EXEMPT);
        holdTheOnlySlot(filter, slots);

        MockHttpServletResponse refused = send(filter, "/api/bookings", chainThatMustNotRun());

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(problem(refused).get("code").asText()).isEqualTo("OVERLOADED");
        assertThat(slots.inFlight()).isEqualTo(1);
    }

    @Test
    void theActuatorAndTheIssuersKeySetAreAnsweredWhileEverySlotIsTaken() throws Exception {
        RequestSlots slots = new RequestSlots(1, 0, Duration.ZERO);
        AdmissionFilter filter = new AdmissionFilter(slots, JSON, Duration.ofSeconds(1), EXEMPT);
        holdTheOnlySlot(filter, slots);

        assertThat(send(filter, "/actuator/health/liveness", answering(200)).getStatus())
                .isEqualTo(200);
        assertThat(send(filter, "/.well-known/jwks.json", answering(200)).getStatus())
                .isEqualTo(200);
        assertThat(send(filter, "/api/bookings", answering(200)).getStatus()).isEqualTo(503);
    }

    @Test
    void aWaitingRequestIsServedWhenASlotComesFree() throws Exception {
        RequestSlots slots = new RequestSlots(1, 1, FOREVER);
        AdmissionFilter filter = new AdmissionFilter(slots, JSON, Duration.ofSeconds(1), EXEMPT);
        holdTheOnlySlot(filter, slots);

        CompletableFuture<MockHttpServletResponse> waiting =
                CompletableFuture.supplyAsync(() -> send(filter, "/api/bookings", answering(201)), clients);
        await().atMost(PATIENCE).until(() -> slots.waiting() == 1);
        finish.countDown();

        assertThat(waiting.get().getStatus()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> slots.inFlight() == 0);
    }

    @Test
    void aRequestFindingTheQueueFullIsRefusedWithoutWaiting() throws Exception {
        RequestSlots slots = new RequestSlots(1, 0, FOREVER);
        AdmissionFilter filter = new AdmissionFilter(slots, JSON, Duration.ofSeconds(1), EXEMPT);
        holdTheOnlySlot(filter, slots);

        CompletableFuture<MockHttpServletResponse> refused =
                CompletableFuture.supplyAsync(() -> send(filter, "/api/bookings", answering(201)), clients);

        await("the refusal, while the slot is still held").atMost(PATIENCE).until(refused::isDone);
        assertThat(refused.get().getStatus()).isEqualTo(503);
    }

    @Test
    void aStreamedAnswerKeepsItsSlotUntilItCompletes() throws Exception {
        RequestSlots slots = new RequestSlots(1, 0, Duration.ZERO);
        AdmissionFilter filter = new AdmissionFilter(slots, JSON, Duration.ofSeconds(1), EXEMPT);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit/export");
        request.setAsyncSupported(true);

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> req.startAsync());

        assertThat(slots.inFlight()).isEqualTo(1);
        request.getAsyncContext().complete();
        assertThat(slots.inFlight()).isZero();
    }

    @Test
    void aDatabasePoolTimeoutInAFilterBehindIsAnswered503DatabaseUnavailable() throws Exception {
        RequestSlots slots = new RequestSlots(1, 0, Duration.ZERO);
        AdmissionFilter filter = new AdmissionFilter(slots, JSON, Duration.ofMillis(1500), EXEMPT);

        MockHttpServletResponse answer = send(filter, "/api/bookings", (req, res) -> {
            throw new CannotGetJdbcConnectionException(
                    "Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        });

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("2");
        assertThat(problem(answer).get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(slots.inFlight()).isZero();
    }

    @Test
    void aTokenThatCouldNotBeCheckedForWantOfTheIssuersKeysIsAnswered503IssuerUnavailable() throws Exception {
        RequestSlots slots = new RequestSlots(1, 0, Duration.ZERO);
        AdmissionFilter filter = new AdmissionFilter(slots, JSON, Duration.ofSeconds(1), EXEMPT);

        // What Spring Security's bearer token filter rethrows when the key set's address answered 503.
        MockHttpServletResponse answer = send(filter, "/api/availability", (req, res) -> {
            throw new AuthenticationServiceException(
                    "An error occurred while attempting to decode the Jwt",
                    new JwtException(
                            "key set unavailable", new RemoteKeySourceException("503 on GET jwks.json", null)));
        });

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
        assertThat(problem(answer).get("code").asText()).isEqualTo("ISSUER_UNAVAILABLE");
    }

    @Test
    void anyOtherFailureGoesOnToTheContainerAndGivesTheSlotBack() {
        RequestSlots slots = new RequestSlots(1, 0, Duration.ZERO);
        AdmissionFilter filter = new AdmissionFilter(slots, JSON, Duration.ofSeconds(1), EXEMPT);

        assertThatThrownBy(() -> filter.doFilter(
                        new MockHttpServletRequest("GET", "/api/bookings"),
                        new MockHttpServletResponse(),
                        (req, res) -> {
                            throw new IllegalStateException("a bug");
                        }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(slots.inFlight()).isZero();
    }

    /** A request that holds the only slot until the test ends (or counts {@code finish} down). */
    private void holdTheOnlySlot(AdmissionFilter filter, RequestSlots slots) {
        CountDownLatch entered = new CountDownLatch(1);
        clients.submit(() -> send(filter, "/api/bookings", (req, res) -> {
            entered.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        await().atMost(PATIENCE).until(() -> entered.getCount() == 0);
        assertThat(slots.inFlight()).isEqualTo(1);
    }

    private static MockHttpServletResponse send(AdmissionFilter filter, String path, FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static FilterChain answering(int status) {
        return (req, res) -> ((HttpServletResponse) res).setStatus(status);
    }

    private static FilterChain chainThatMustNotRun() {
        return (req, res) -> {
            throw new AssertionError("a refused request reached the application");
        };
    }

    private static JsonNode problem(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }
}
