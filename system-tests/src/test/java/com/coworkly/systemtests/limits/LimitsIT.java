package com.coworkly.systemtests.limits;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Companies;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.RawHttp;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.coworkly.systemtests.support.StripeStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies over the limit (64 KiB; Stripe's webhook 512 KiB) are refused before anything reads them, with or
 * without a Content-Length, and every paged list refuses a page larger than 100.
 */
@ExtendWith(SharedSystem.class)
class LimitsIT {

    private static final int LIMIT = 64 * 1024;
    private static final int WEBHOOK_LIMIT = 512 * 1024;

    private Api api;
    private EventStore events;
    private Api.Session admin;

    @BeforeEach
    void connect(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        admin = api.signIn(Api.ADMIN);
    }

    @Test
    void aCommandBodyOverTheLimitIsRefusedAndNothingStored() {
        long before = events.count();

        api.commandSide()
                .as(admin)
                .post("/api/spaces", aSpaceOfBytes(LIMIT + 1))
                .expectProblem(413, "PAYLOAD_TOO_LARGE");
        raw(api.commandSideUrl())
                .postChunked("/api/spaces", aSpaceOfBytes(LIMIT + 1))
                .expectProblem(413, "PAYLOAD_TOO_LARGE");
        api.commandSide()
                .as(admin)
                .post("/api/spaces", aSpaceOfBytes(4 * LIMIT))
                .expectProblem(413, "PAYLOAD_TOO_LARGE");
        raw(api.commandSideUrl())
                .postChunked("/api/spaces", aSpaceOfBytes(4 * LIMIT))
                .expectProblem(413, "PAYLOAD_TOO_LARGE");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aCommandBodyAtTheLimitIsTakenWithOrWithoutAContentLength() {
        api.commandSide().as(admin).post("/api/spaces", aSpaceOfBytes(LIMIT)).expectStatus(201);
        Reply chunked = raw(api.commandSideUrl())
                .postChunked("/api/spaces", aSpaceOfBytes(LIMIT))
                .expectStatus(201);

        assertThat(events.typesOf(chunked.body().get("spaceId").asText())).containsExactly("SpaceRegistered");
    }

    @Test
    void theQuerySideRefusesLargeBodiesToo() {
        String body = padded("{}", LIMIT + 1);

        api.querySide().as(admin).post("/api/members/me/calendar-feed", body).expectProblem(413, "PAYLOAD_TOO_LARGE");
        raw(api.querySideUrl())
                .postChunked("/api/members/me/calendar-feed", body)
                .expectProblem(413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void stripesWebhookTakesEventsUpToItsOwnLargerLimit() {
        long before = events.count();
        String large = padded(
                StripeStandIn.paymentIntentEvent(
                        "evt_" + UUID.randomUUID(),
                        "payment_intent.succeeded",
                        "pi_unknown",
                        UUID.randomUUID().toString()),
                2 * LIMIT);
        String tooLarge = padded(large, WEBHOOK_LIMIT + 1);

        webhook(large).expectStatus(200);
        webhook(tooLarge).expectProblem(413, "PAYLOAD_TOO_LARGE");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void everyPagedListRefusesAPageLargerThan100() {
        Map<String, Api.Request> lists = new TreeMap<>();
        pagedLists(
                api.commandSide(),
                api.commandSide().get("/v3/api-docs").expectStatus(200).body(),
                lists);
        pagedLists(
                api.querySide(),
                api.querySide().get("/v3/api-docs").expectStatus(200).body(),
                lists);
        assertThat(lists.keySet())
                .as("the paged lists in the OpenAPI documents")
                .contains(
                        "/api/spaces",
                        "/api/spaces/{spaceId}/resources",
                        "/api/members/me/bookings",
                        "/api/members/me/invoices",
                        "/api/invoices",
                        "/api/audit/events",
                        "/api/operations/dead-letters",
                        "/api/plans",
                        "/api/members/me/credits/statement",
                        "/api/companies/{companyId}/bookings",
                        "/api/companies/{companyId}/credits/statement",
                        "/api/companies/{companyId}/invoices");
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Paged " + UUID.randomUUID());
        String company = Companies.register(api, Companies.aCompany("Paged " + UUID.randomUUID()));

        lists.forEach((list, side) -> {
            String path = list.replace("{spaceId}", space.spaceId()).replace("{companyId}", company);
            assertThat(path)
                    .as("a paged list with a path parameter this test does not fill in")
                    .doesNotContain("{");
            Api.Request caller = side.as(aCallerOf(path));
            // read-your-writes where the list offers it, so that the space made above is there
            String after = "&after=" + space.position();
            caller.get(path + "?size=100" + after).expectStatus(200);
            for (String size : new String[] {"101", "1000000", "2147483648", "0", "-1"}) {
                caller.get(path + "?size=" + size + after).expectProblem(400, "VALIDATION_FAILED");
            }
            caller.get(path + "?page=2147483647" + after).expectProblem(400, "VALIDATION_FAILED");
        });
    }

    /** Every GET with a {@code size} parameter, with the side that serves it. */
    private static void pagedLists(Api.Request side, JsonNode openApi, Map<String, Api.Request> lists) {
        openApi.get("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().get("get");
            if (get != null && get.has("parameters")) {
                get.get("parameters").forEach(parameter -> {
                    if ("size".equals(parameter.get("name").asText())) {
                        lists.put(path.getKey(), side);
                    }
                });
            }
        });
    }

    /** Someone who may read the list: operators the operations' lists, administrators the others. */
    private Api.Session aCallerOf(String path) {
        return path.startsWith("/api/audit/") || path.startsWith("/api/operations/") ? api.signIn(Api.OPERATOR) : admin;
    }

    private RawHttp raw(String base) {
        return RawHttp.to(base, "127.0.0.1").header("Authorization", "Bearer " + admin.token());
    }

    private Reply webhook(String payload) {
        return api.commandSide()
                .header("Stripe-Signature", StripeStandIn.signatureOf(payload, StripeStandIn.WEBHOOK_SECRET))
                .postRaw("/api/payments/stripe/webhook", payload, "application/json");
    }

    /** A valid space of exactly {@code bytes} bytes of JSON, the rest being white space inside the document. */
    private static String aSpaceOfBytes(int bytes) {
        String json = write(Catalogue.aSpace("Limits " + UUID.randomUUID()));
        return padded(json, bytes);
    }

    /** The JSON document with spaces before its closing brace, to {@code bytes} bytes (ASCII). */
    private static String padded(String json, int bytes) {
        int closing = json.lastIndexOf('}');
        return json.substring(0, closing) + " ".repeat(bytes - json.length()) + json.substring(closing);
    }

    private static String write(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
