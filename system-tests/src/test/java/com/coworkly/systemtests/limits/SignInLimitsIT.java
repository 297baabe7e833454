package com.coworkly.systemtests.limits;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.RawHttp;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token endpoint against password guessing, over HTTP, on two command-side instances sharing one database.
 * Guesses come from several client addresses (127.0.0.x: the services see each as its own client). The system
 * runs with small limits so that the tests stay short: 3 failures per account and 5 per address within 45 s.
 */
class SignInLimitsIT {

    private static final int PER_ACCOUNT = 3;
    private static final int PER_ADDRESS = 5;
    private static final Duration WINDOW = Duration.ofSeconds(45);
    private static final String TOKEN = "/api/auth/token";

    /** Each test guesses from addresses of its own, so that no test spends another's budget. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(2);

    private static RunningSystem system;
    private static List<String> instances;

    private String email;

    @BeforeAll
    static void twoCommandSidesWithSmallLimits() {
        system = RunningSystem.start(Map.of(
                "BOOKING_SIGN_IN_WINDOW", WINDOW.toString(),
                "BOOKING_SIGN_IN_FAILURES_PER_ACCOUNT", Integer.toString(PER_ACCOUNT),
                "BOOKING_SIGN_IN_FAILURES_PER_ADDRESS", Integer.toString(PER_ADDRESS)));
        instances = List.of(
                system.api().commandSideUrl(), system.apiOnSecondCommandSide().commandSideUrl());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @BeforeEach
    void aMember() {
        email = "guessed-" + UUID.randomUUID() + "@example.test";
        system.api()
                .commandSide()
                .post("/api/members", Map.of("email", email, "name", "Gus Guessed", "password", Api.TEST_PASSWORD))
                .expectStatus(201);
    }

    @Test
    void guessesAtOneAccountStopAtItsBudgetWhicheverAddressesAndInstancesTheyComeFrom() {
        for (int guess = 0; guess < PER_ACCOUNT; guess++) {
            signIn(instance(guess), anAddress(), email, "wrong guess " + guess)
                    .expectProblem(401, "INVALID_CREDENTIALS");
        }

        for (int instance = 0; instance < 2; instance++) {
            Reply refused = signIn(instance, anAddress(), email, "one guess too many")
                    .expectProblem(429, "TOO_MANY_SIGN_IN_ATTEMPTS");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, WINDOW.toSeconds());
            // Past the budget the password is not even checked: the right one is refused as well.
            signIn(instance, anAddress(), email, Api.TEST_PASSWORD).expectProblem(429, "TOO_MANY_SIGN_IN_ATTEMPTS");
        }
        assertThat(system.api()
                        .commandSide()
                        .get("/actuator/prometheus")
                        .expectStatus(200)
                        .raw())
                .containsPattern("booking_sign_in_refused_total\\{[^}]*} [1-9]");
        system.api().signIn(anotherMember(), Api.TEST_PASSWORD);
    }

    @Test
    void aRightPasswordDoesNotGiveAGuesserAFreshBudget() {
        String guesser = anAddress();
        for (int guess = 0; guess < PER_ACCOUNT - 1; guess++) {
            signIn(instance(guess), guesser, email, "wrong guess " + guess).expectProblem(401, "INVALID_CREDENTIALS");
        }
        String owner = anAddress();
        signIn(0, owner, email, Api.TEST_PASSWORD).expectStatus(200);
        signIn(1, owner, email, Api.TEST_PASSWORD).expectStatus(200);

        signIn(0, guesser, email, "last guess").expectProblem(401, "INVALID_CREDENTIALS");
        signIn(1, guesser, email, "one guess too many").expectProblem(429, "TOO_MANY_SIGN_IN_ATTEMPTS");
    }

    @Test
    void oneAddressTryingManyAccountsStopsAtItsBudget() {
        String guesser = anAddress();
        for (int guess = 0; guess < PER_ADDRESS; guess++) {
            signIn(instance(guess), guesser, "someone-" + UUID.randomUUID() + "@example.test", "a guess")
                    .expectProblem(401, "INVALID_CREDENTIALS");
        }

        signIn(0, guesser, email, Api.TEST_PASSWORD).expectProblem(429, "TOO_MANY_SIGN_IN_ATTEMPTS");
        signIn(1, guesser, anotherMember(), "a guess").expectProblem(429, "TOO_MANY_SIGN_IN_ATTEMPTS");
        signIn(1, anAddress(), email, Api.TEST_PASSWORD).expectStatus(200);
    }

    @Test
    void guessesSentAllAtOnceToBothInstancesGetNoMoreThanTheBudget() throws Exception {
        int guesses = 12;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        List<Integer> statuses;
        try {
            List<Callable<Integer>> all = IntStream.range(0, guesses)
                    .<Callable<Integer>>mapToObj(guess -> {
                        String address = anAddress();
                        return () -> signIn(instance(guess), address, email, "parallel guess " + guess)
                                .status();
                    })
                    .toList();
            statuses = pool.invokeAll(all).stream().map(SignInLimitsIT::get).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses)
                .as("guesses whose password was checked")
                .filteredOn(status -> status == 401)
                .hasSizeBetween(1, PER_ACCOUNT);
    }

    @Test
    void theAccountCanSignInAgainOnceItsFailuresLeaveTheWindow() {
        for (int guess = 0; guess < PER_ACCOUNT; guess++) {
            signIn(instance(guess), anAddress(), email, "wrong guess " + guess)
                    .expectProblem(401, "INVALID_CREDENTIALS");
        }
        String owner = anAddress();
        signIn(0, owner, email, Api.TEST_PASSWORD).expectProblem(429, "TOO_MANY_SIGN_IN_ATTEMPTS");

        await("the failures to leave the window")
                .atMost(WINDOW.multipliedBy(2))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> signIn(1, owner, email, Api.TEST_PASSWORD).status() == 200);
    }

    @Test
    void theDashboardSaysSignInIsPausedRatherThanBlamingThePassword() throws Exception {
        for (int guess = 0; guess < PER_ACCOUNT; guess++) {
            signIn(instance(guess), anAddress(), email, "wrong guess " + guess)
                    .expectProblem(401, "INVALID_CREDENTIALS");
        }
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = system.api().querySideUrl() + "/dashboard/sign-in";
        String form = browser.send(
                        HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the sign-in form's CSRF field in " + form).isTrue();

        HttpResponse<String> answer = browser.send(
                HttpRequest.newBuilder(URI.create(page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encoded(csrf.group(1)) + "&username="
                                + encoded(email) + "&password=" + encoded(Api.TEST_PASSWORD)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.body()).contains("Too many failed sign-ins").doesNotContain("wrong password");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Reply signIn(int instance, String address, String username, String password) {
        return RawHttp.to(instances.get(instance), address)
                .post(TOKEN, json(Map.of("username", username, "password", password)));
    }

    private static int instance(int attempt) {
        return attempt % 2;
    }

    private static String anAddress() {
        int next = NEXT_ADDRESS.getAndIncrement();
        return "127.0." + (next / 250) + "." + (2 + next % 250);
    }

    private String anotherMember() {
        String other = "other-" + UUID.randomUUID() + "@example.test";
        system.api()
                .commandSide()
                .post("/api/members", Map.of("email", other, "name", "Olga Other", "password", Api.TEST_PASSWORD))
                .expectStatus(201);
        return other;
    }

    private static String json(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
