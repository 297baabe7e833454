package com.coworkly.systemtests.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The HTTP API of both services as a client sees it. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The demo accounts the run command seeds (see DemoNetwork). */
    public static final String ADMIN = "admin@demo.coworkly.test";

    public static final String MANAGER = "manager@demo.coworkly.test";
    public static final String MEMBER = "member@demo.coworkly.test";
    public static final String OPERATOR = "operator@demo.coworkly.test";

    private final String commandSide;
    private final String querySide;
    private final Map<String, String> emails = new java.util.concurrent.ConcurrentHashMap<>();

    Api(String commandSide, String querySide) {
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    /** Stripe telling the command side that the booking's payment went through (or, with {@code type}, not). */
    public Reply stripeSays(String type, String bookingId) {
        String payload = StripeStandIn.paymentIntentEvent(
                "evt_" + java.util.UUID.randomUUID(), type, "pi_booking-" + bookingId + "-payment", bookingId);
        return commandSide()
                .header("Stripe-Signature", StripeStandIn.signatureOf(payload, StripeStandIn.WEBHOOK_SECRET))
                .postRaw("/api/payments/stripe/webhook", payload, "application/json");
    }

    /** Stripe telling the command side that a series' one payment went through (or, with {@code type}, not). */
    public Reply stripeSaysOfSeries(String type, String seriesId) {
        String payload = StripeStandIn.paymentIntentEvent(
                "evt_" + java.util.UUID.randomUUID(),
                type,
                "pi_series-" + seriesId + "-payment",
                "series_id",
                seriesId);
        return commandSide()
                .header("Stripe-Signature", StripeStandIn.signatureOf(payload, StripeStandIn.WEBHOOK_SECRET))
                .postRaw("/api/payments/stripe/webhook", payload, "application/json");
    }

    /** Stripe Billing telling the command side about an invoice of a membership's subscription. */
    public Reply stripeSaysOfInvoice(
            String type, String invoiceId, String membershipId, Instant periodStart, Instant periodEnd) {
        String payload = StripeStandIn.invoiceEvent(
                "evt_" + java.util.UUID.randomUUID(), type, invoiceId, membershipId, periodStart, periodEnd);
        return commandSide()
                .header("Stripe-Signature", StripeStandIn.signatureOf(payload, StripeStandIn.WEBHOOK_SECRET))
                .postRaw("/api/payments/stripe/webhook", payload, "application/json");
    }

    /** Stripe Billing telling the command side that a membership's subscription was deleted. */
    public Reply stripeSaysOfCancelledSubscription(String membershipId) {
        String payload = StripeStandIn.subscriptionDeletedEvent("evt_" + java.util.UUID.randomUUID(), membershipId);
        return commandSide()
                .header("Stripe-Signature", StripeStandIn.signatureOf(payload, StripeStandIn.WEBHOOK_SECRET))
                .postRaw("/api/payments/stripe/webhook", payload, "application/json");
    }

    /** Pays a placed booking as its member's app and Stripe would: the webhook says the payment succeeded. */
    public Reply pay(String bookingId) {
        return stripeSays("payment_intent.succeeded", bookingId).expectStatus(200);
    }

    public Request commandSide() {
        return new Request(commandSide, null, new LinkedHashMap<>());
    }

    /** Where the command side serves, for a client that opens its own connections. */
    public String commandSideUrl() {
        return commandSide;
    }

    /** Where the query side serves, for a browser. */
    public String querySideUrl() {
        return querySide;
    }

    public Request querySide() {
        return new Request(querySide, null, new LinkedHashMap<>());
    }

    /** A signed-in caller: their member id and bearer token. */
    public record Session(String memberId, String token) {}

    public Session signIn(String email) {
        String password = email.substring(0, email.indexOf('@')) + "-demo-password";
        return signIn(email, password);
    }

    public Session signIn(String email, String password) {
        Reply reply = commandSide().post("/api/auth/token", Map.of("username", email, "password", password));
        reply.expectStatus(200);
        String token = reply.body().get("access_token").asText();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        try {
            return new Session(JSON.readTree(payload).get("sub").asText(), token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final String TEST_PASSWORD = "correct horse battery";

    /** Registers a brand-new member and signs them in. */
    public Session newMember() {
        String email = "member-" + UUID.randomUUID() + "@example.test";
        commandSide()
                .post("/api/members", Map.of("email", email, "name", "Test Member", "password", TEST_PASSWORD))
                .expectStatus(201);
        Session session = signIn(email, TEST_PASSWORD);
        emails.put(session.memberId(), email);
        return session;
    }

    public String emailOf(Session member) {
        return emails.get(member.memberId());
    }

    public final class Request {
        private final String base;
        private final String token;
        private final Map<String, String> headers;

        private Request(String base, String token, Map<String, String> headers) {
            this.base = base;
            this.token = token;
            this.headers = headers;
        }

        public Request as(Session session) {
            return new Request(base, session.token(), headers);
        }

        public Request withToken(String rawToken) {
            return new Request(base, rawToken, headers);
        }

        public Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(base, token, more);
        }

        public Reply get(String path) {
            return send("GET", path, null, null);
        }

        public Reply post(String path, Object body) {
            return send("POST", path, write(body), "application/json");
        }

        public Reply postRaw(String path, String body, String contentType) {
            return send("POST", path, body, contentType);
        }

        public Reply put(String path, Object body) {
            return send("PUT", path, write(body), "application/json");
        }

        public Reply putRaw(String path, String body, String contentType) {
            return send("PUT", path, body, contentType);
        }

        public Reply delete(String path) {
            return send("DELETE", path, null, null);
        }

        /** A binary answer (a PDF), which a text reply would garble. */
        public byte[] getBytes(String path) {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            headers.forEach(builder::header);
            try {
                HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": "
                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return response.body();
            } catch (IOException e) {
                throw new IllegalStateException("GET " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * A body so large that the server may answer before reading all of it and then close the connection, as
         * Tomcat does past its swallow limit; the client may then lose the answer's body to the reset, so the
         * answer's status and headers are kept even when its body is cut off (the reply's body is then empty).
         */
        public Reply sendLarge(String method, String path, String body, String contentType) {
            return send(method, path, body, contentType, true);
        }

        private Reply send(String method, String path, String body, String contentType) {
            return send(method, path, body, contentType, false);
        }

        private Reply send(String method, String path, String body, String contentType, boolean keepCutOffAnswer) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            headers.forEach(builder::header);
            java.util.concurrent.atomic.AtomicReference<HttpResponse.ResponseInfo> answered =
                    new java.util.concurrent.atomic.AtomicReference<>();
            try {
                HttpResponse<String> response = HTTP.send(builder.build(), info -> {
                    answered.set(info);
                    return HttpResponse.BodyHandlers.ofString().apply(info);
                });
                return new Reply(method + " " + path, response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                HttpResponse.ResponseInfo info = answered.get();
                if (keepCutOffAnswer && info != null) {
                    return new Reply(
                            method + " " + path + " (answer cut off: " + e.getMessage() + ")",
                            info.statusCode(),
                            info.headers(),
                            null);
                }
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String write(Object body) {
            try {
                return body instanceof String text ? text : JSON.writeValueAsString(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
