package com.coworkly.systemtests.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/**
 * A local HTTP stand-in for Stripe's API, which the command side's real Stripe client talks to. It answers
 * PaymentIntent creation the way Stripe does (an id derived from the idempotency key, so a repeated key gets
 * the same intent), records every request for the tests to check, and signs webhook events the way Stripe
 * signs them.
 */
public final class StripeStandIn implements AutoCloseable {

    public static final String API_KEY = "sk_test_standin";
    public static final String WEBHOOK_SECRET = "whsec_standin";

    private static final String PAYMENT_INTENTS = "/v1/payment_intents";
    private static final String PAYMENT_INTENT = """
            {"id": "pi_{{request.headers.Idempotency-Key}}", "object": "payment_intent",
             "client_secret": "pi_{{request.headers.Idempotency-Key}}_secret_standin",
             "status": "requires_payment_method", "livemode": false}""";

    private static final String REFUNDS = "/v1/refunds";
    private static final String REFUND = """
            {"id": "re_{{request.headers.Idempotency-Key}}", "object": "refund", "status": "succeeded",
             "livemode": false}""";

    private static final String CUSTOMERS = "/v1/customers";
    private static final String PRICES = "/v1/prices";
    private static final String SUBSCRIPTIONS = "/v1/subscriptions";
    private static final Map<String, String> BILLING = Map.of(CUSTOMERS, """
            {"id": "cus_{{request.headers.Idempotency-Key}}", "object": "customer", "livemode": false}""", PRICES, """
            {"id": "price_{{request.headers.Idempotency-Key}}", "object": "price", "livemode": false}""", SUBSCRIPTIONS, """
            {"id": "sub_{{request.headers.Idempotency-Key}}", "object": "subscription", "status": "incomplete",
             "livemode": false,
             "items": {"object": "list", "data": [{"id": "si_{{request.headers.Idempotency-Key}}",
                                                   "object": "subscription_item"}]},
             "latest_invoice": {"id": "in_{{request.headers.Idempotency-Key}}", "object": "invoice",
                                "confirmation_secret": {"client_secret": "pi_{{request.headers.Idempotency-Key}}_secret_standin",
                                                        "type": "payment_intent"}}}""");

    /** An update of a subscription: Stripe answers the subscription, here only its id. */
    private static final String SUBSCRIPTION_UPDATE = "/v1/subscriptions/[^/]+";

    private static final String UPDATED_SUBSCRIPTION = """
            {"id": "{{request.pathSegments.[2]}}", "object": "subscription", "status": "active", "livemode": false}""";

    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().globalTemplating(true));
    private final Map<String, com.github.tomakehurst.wiremock.stubbing.StubMapping> slowStubs =
            new java.util.concurrent.ConcurrentHashMap<>();

    StripeStandIn() {
        server.start();
        server.stubFor(post(urlEqualTo(PAYMENT_INTENTS))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(PAYMENT_INTENT)));
        server.stubFor(post(urlEqualTo(REFUNDS))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(REFUND)));
        server.stubFor(post(urlMatching(SUBSCRIPTION_UPDATE))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UPDATED_SUBSCRIPTION)));
        BILLING.forEach((path, body) -> server.stubFor(post(urlEqualTo(path))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body))));
    }

    /** Every Stripe Billing request (customers, prices, subscriptions) that mentions the member, in order. */
    public List<LoggedRequest> billingRequestsFor(String memberId) {
        return server.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> BILLING.containsKey(request.getUrl()))
                .filter(request -> form(request).contains(memberId)
                        || request.getHeader("Idempotency-Key").contains(memberId))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** Every update of the subscription ({@code POST /v1/subscriptions/<id>}), in order. */
    public List<LoggedRequest> subscriptionUpdates(String subscriptionId) {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/subscriptions/" + subscriptionId))).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** Updates of the subscription fail with a 500 the given number of times, then succeed. */
    public void subscriptionUpdatesFail(String subscriptionId, int times) {
        String scenario = "updates failing for " + subscriptionId;
        for (int attempt = 0; attempt < times; attempt++) {
            server.stubFor(post(urlEqualTo("/v1/subscriptions/" + subscriptionId))
                    .atPriority(1)
                    .inScenario(scenario)
                    .whenScenarioStateIs(attempt == 0 ? STARTED : "failed " + attempt)
                    .willReturn(aResponse()
                            .withStatus(500)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"stand-in failure\"}}"))
                    .willSetStateTo("failed " + (attempt + 1)));
        }
    }

    /** The one request to {@code path} made with the idempotency key. */
    public LoggedRequest requestsTo(String path, String idempotencyKey) {
        return server.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().equals(path))
                .filter(request -> idempotencyKey.equals(request.getHeader("Idempotency-Key")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request to " + path + " with key " + idempotencyKey));
    }

    /** Stripe's notice that a membership's subscription was deleted. */
    public static String subscriptionDeletedEvent(String eventId, String membershipId) {
        return """
                {"id": "%s", "object": "event", "type": "customer.subscription.deleted",
                 "api_version": "2026-02-25.clover", "livemode": false, "created": %d,
                 "data": {"object": {"id": "sub_%s", "object": "subscription", "status": "canceled",
                                     "metadata": {"membership_id": "%s"}}}}""".formatted(eventId, Instant.now().getEpochSecond(), membershipId, membershipId);
    }

    /** A Stripe Billing event about an invoice of the membership's subscription, as Stripe posts it. */
    public static String invoiceEvent(
            String eventId,
            String type,
            String invoiceId,
            String membershipId,
            Instant periodStart,
            Instant periodEnd) {
        return """
                {"id": "%s", "object": "event", "type": "%s", "api_version": "2026-02-25.clover", "livemode": false,
                 "created": %d,
                 "data": {"object": {"id": "%s", "object": "invoice", "status": "%s", "amount_paid": %d,
                                     "currency": "eur",
                                     "parent": {"type": "subscription_details",
                                                "subscription_details": {"metadata": {"membership_id": "%s"}}},
                                     "lines": {"object": "list", "data": [
                                         {"object": "line_item", "period": {"start": %d, "end": %d}}]}}}}""".formatted(
                        eventId,
                        type,
                        Instant.now().getEpochSecond(),
                        invoiceId,
                        type.equals("invoice.paid") ? "paid" : "open",
                        type.equals("invoice.paid") ? 9900 : 0,
                        membershipId,
                        periodStart.getEpochSecond(),
                        periodEnd.getEpochSecond());
    }

    /** How many requests of any kind reached the stand-in. */
    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    /** Every refund request the command side sent for one member's bookings, in order. */
    public List<LoggedRequest> refundRequestsFor(String memberId) {
        return server.findAll(postRequestedFor(urlEqualTo(REFUNDS))).stream()
                .filter(request -> form(request).contains("metadata[member_id]=" + memberId))
                .toList();
    }

    /** Refunds for the member fail with a 500 the given number of times, then succeed. */
    public void refundsFailFor(String memberId, int times) {
        String scenario = "refunds failing for " + memberId;
        for (int attempt = 0; attempt < times; attempt++) {
            server.stubFor(post(urlEqualTo(REFUNDS))
                    .atPriority(1)
                    .inScenario(scenario)
                    .whenScenarioStateIs(attempt == 0 ? STARTED : "failed " + attempt)
                    .withRequestBody(matching(".*metadata(%5B|\\[)member_id(%5D|\\])=" + memberId + ".*"))
                    .willReturn(aResponse()
                            .withStatus(500)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"stand-in failure\"}}"))
                    .willSetStateTo("failed " + (attempt + 1)));
        }
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** What the command side needs to use this stand-in as Stripe. */
    Map<String, String> environment() {
        return Map.of(
                "BOOKING_STRIPE_API_KEY",
                API_KEY,
                "BOOKING_STRIPE_API_BASE",
                baseUrl(),
                "BOOKING_STRIPE_WEBHOOK_SECRET",
                WEBHOOK_SECRET,
                "BOOKING_PAYMENTS_STRIPE_READ_TIMEOUT",
                "PT1S",
                "BOOKING_REFUNDS_RETRY_INTERVAL",
                "PT2S");
    }

    /** Every PaymentIntent request the command side sent for one member's bookings, in order. */
    public List<LoggedRequest> paymentIntentRequestsFor(String memberId) {
        return server.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))).stream()
                .filter(request -> form(request).contains("metadata[member_id]=" + memberId))
                .toList();
    }

    /** A request's form body, decoded. */
    public static String form(LoggedRequest request) {
        return java.net.URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
    }

    /** Stripe answers 500 to the member's PaymentIntents the given number of times, then succeeds. */
    public void paymentsFailFor(String memberId, int times) {
        String scenario = "payments failing for " + memberId;
        for (int attempt = 0; attempt < times; attempt++) {
            server.stubFor(post(urlEqualTo(PAYMENT_INTENTS))
                    .atPriority(1)
                    .inScenario(scenario)
                    .whenScenarioStateIs(attempt == 0 ? STARTED : "failed " + attempt)
                    .withRequestBody(matching(".*metadata(%5B|\\[)member_id(%5D|\\])=" + memberId + ".*"))
                    .willReturn(aResponse()
                            .withStatus(500)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"stand-in failure\"}}"))
                    .willSetStateTo("failed " + (attempt + 1)));
        }
    }

    /**
     * Stripe answers the member's PaymentIntents, every attempt, only after three seconds: longer than the command
     * side's read timeout in the tests (one second), so each attempt times out. Until {@link #answersInTimeFor}.
     */
    public void answersTooLateFor(String memberId) {
        slowStubs.put(
                memberId,
                server.stubFor(post(urlEqualTo(PAYMENT_INTENTS))
                        .atPriority(1)
                        .withRequestBody(matching(".*metadata(%5B|\\[)member_id(%5D|\\])=" + memberId + ".*"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withFixedDelay(3_000)
                                .withHeader("Content-Type", "application/json")
                                .withBody(PAYMENT_INTENT))));
    }

    public void answersInTimeFor(String memberId) {
        server.removeStub(slowStubs.remove(memberId));
    }

    /** For the member's next PaymentIntent, Stripe first answers 500, then succeeds. */
    public void failsOnceWith500For(String memberId) {
        failsOnceFor(
                memberId,
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"stand-in failure\"}}"));
    }

    /** For the member's next PaymentIntent, Stripe first answers too late (the client times out), then succeeds. */
    public void timesOutOnceFor(String memberId) {
        failsOnceFor(
                memberId,
                aResponse()
                        .withStatus(200)
                        .withFixedDelay(3_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(PAYMENT_INTENT));
    }

    private void failsOnceFor(
            String memberId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        String scenario = "failing once for " + memberId;
        server.stubFor(post(urlEqualTo(PAYMENT_INTENTS))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .withRequestBody(matching(".*metadata(%5B|\\[)member_id(%5D|\\])=" + memberId + ".*"))
                .willReturn(failure)
                .willSetStateTo("failed once"));
        server.stubFor(post(urlEqualTo(PAYMENT_INTENTS))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("failed once")
                .withRequestBody(matching(".*metadata(%5B|\\[)member_id(%5D|\\])=" + memberId + ".*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(PAYMENT_INTENT)));
    }

    /** A Stripe event about a PaymentIntent of a booking, as Stripe would post it to the webhook. */
    public static String paymentIntentEvent(String eventId, String type, String paymentIntentId, String bookingId) {
        return paymentIntentEvent(eventId, type, paymentIntentId, "booking_id", bookingId);
    }

    /** The same about what {@code metadataKey} names: {@code booking_id} or {@code series_id}. */
    public static String paymentIntentEvent(
            String eventId, String type, String paymentIntentId, String metadataKey, String id) {
        return """
                {"id": "%s", "object": "event", "type": "%s", "api_version": "2025-10-29.clover", "livemode": false,
                 "created": %d,
                 "data": {"object": {"id": "%s", "object": "payment_intent", "status": "%s",
                                     "metadata": {"%s": "%s"},
                                     "last_payment_error": {"message": "Your card was declined."}}}}""".formatted(
                        eventId,
                        type,
                        Instant.now().getEpochSecond(),
                        paymentIntentId,
                        type.endsWith("succeeded") ? "succeeded" : "requires_payment_method",
                        metadataKey,
                        id);
    }

    /** The Stripe-Signature header for a payload: {@code t=<time>,v1=<HMAC-SHA256 of "time.payload">}. */
    public static String signatureOf(String payload, String secret) {
        long time = Instant.now().getEpochSecond();
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = hmac.doFinal((time + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + time + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
