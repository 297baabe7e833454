package com.coworkly.systemtests.reliability;

import com.coworkly.systemtests.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of several instances of one service, as behind a load balancer: each request goes to the next instance,
 * and a request that fails (no connection, a 5xx, a 503 or 429, or an idempotent original still running) is sent
 * again, with the same Idempotency-Key, to the next one, until it gets an answer that settles it: a 2xx or a 4xx.
 * Every failed attempt is kept with its time, so that a test can tell when clients saw errors.
 */
final class RetryingClient {

    /** An attempt that did not settle its request: when, where, and what came back. */
    record Failure(Instant at, String instance, String what) {}

    /** An attempt that got a 2xx: when it was sent and when its answer came. */
    record Success(Instant sent, Instant answered) {}

    /** The answer that settled a request. */
    record Answer(int status, String code, JsonNode body, long position) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Success> successes = new ConcurrentLinkedQueue<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();

    RetryingClient(List<String> instances) {
        this.instances = List.copyOf(instances);
    }

    Answer post(String path, String token, Map<String, String> headers, String body) {
        return send(path, token, headers, body);
    }

    Answer get(String path, String token) {
        return send(path, token, Map.of(), null);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    List<Success> successes() {
        return List.copyOf(successes);
    }

    long attempts() {
        return attempts.get();
    }

    long settled() {
        return settled.get();
    }

    private Answer send(String path, String token, Map<String, String> headers, String body) {
        Instant giveUpAt = Instant.now().plus(GIVE_UP_AFTER);
        for (int attempt = 1; ; attempt++) {
            String instance = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
            attempts.incrementAndGet();
            String failure;
            Instant sent = Instant.now();
            try {
                HttpResponse<String> response =
                        http.send(request(instance + path, token, headers, body), HttpResponse.BodyHandlers.ofString());
                Answer answer = answerOf(response);
                if (settles(answer)) {
                    settled.incrementAndGet();
                    if (answer.succeeded()) {
                        successes.add(new Success(sent, Instant.now()));
                    }
                    return answer;
                }
                failure = answer.status() + " " + answer.code();
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            failures.add(new Failure(Instant.now(), instance, failure));
            if (Instant.now().isAfter(giveUpAt)) {
                throw new AssertionError(path + " found no instance to answer it for " + GIVE_UP_AFTER
                        + "; the last attempt got " + failure);
            }
            backOff(attempt);
        }
    }

    /** A 2xx or a 4xx settles a request, except the refusals that say "not now": try again. */
    private static boolean settles(Answer answer) {
        if (answer.status() == 429 || answer.status() >= 500) {
            return false;
        }
        return !(answer.status() == 409 && "IDEMPOTENT_REQUEST_IN_PROGRESS".equals(answer.code()));
    }

    private static HttpRequest request(String url, String token, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Answer answerOf(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body().isBlank() ? NullNode.instance : Api.JSON.readTree(response.body());
        } catch (IOException e) {
            body = NullNode.instance;
        }
        String code = body.path("code").asText(null);
        long position = response.headers()
                .firstValue("X-Event-Position")
                .map(Long::parseLong)
                .orElse(-1L);
        return new Answer(response.statusCode(), code, body, position);
    }

    /** A client's pause between attempts: a tenth of a second, growing to a second. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 100L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
