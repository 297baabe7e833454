package com.coworkly.systemtests.security;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Bookings;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Companies;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every endpoint of both services against every kind of caller. The table is the specification of who may call
 * what; an endpoint in either service's OpenAPI document without a row here fails the build.
 */
@ExtendWith(SharedSystem.class)
class PermissionMatrixIT {

    /**
     * MEMBER owns every booking, series, invoice and feed the matrix calls about; OTHER_MEMBER is a signed-in
     * member who does not.
     */
    enum Caller {
        NOBODY,
        MEMBER,
        OTHER_MEMBER,
        MANAGER_OF_THE_SPACE,
        MANAGER_OF_ANOTHER_SPACE,
        ADMIN,
        OPERATOR
    }

    enum Side {
        COMMAND,
        QUERY
    }

    /** What an endpoint is called with: a space, a fresh resource in it, a fresh booking, and a body. */
    record Target(String spaceId, String resourceId, Api api, Catalogue.ManagedSpace space, String planId) {

        String aFreshDesk() {
            return Bookings.addResource(api, space, Bookings.anAlwaysOpenDesk("Matrix desk"));
        }
    }

    record Row(Side side, String method, String path, Function<Target, Object> body, Map<Caller, Integer> expected) {}

    private static final Map<String, Object> NO_BODY = Map.of();

    private static Map<Caller, Integer> statuses(
            int nobody, int member, int otherMember, int manager, int otherManager, int admin, int operator) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        expected.put(Caller.NOBODY, nobody);
        expected.put(Caller.MEMBER, member);
        expected.put(Caller.OTHER_MEMBER, otherMember);
        expected.put(Caller.MANAGER_OF_THE_SPACE, manager);
        expected.put(Caller.MANAGER_OF_ANOTHER_SPACE, otherManager);
        expected.put(Caller.ADMIN, admin);
        expected.put(Caller.OPERATOR, operator);
        return expected;
    }

    private static Map<Caller, Integer> everyone(int status) {
        return statuses(status, status, status, status, status, status, status);
    }

    private static Map<Caller, Integer> anySignedIn(int status) {
        return statuses(401, status, status, status, status, status, status);
    }

    private static Map<Caller, Integer> spaceManagement(int status) {
        return statuses(401, 403, 403, status, 403, status, 403);
    }

    private static Map<Caller, Integer> adminOnly(int status) {
        return statuses(401, 403, 403, 403, 403, status, 403);
    }

    static final List<Row> MATRIX = List.of(
            // command side
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/members",
                    target -> Map.of(
                            "email",
                            "matrix-" + UUID.randomUUID() + "@example.test",
                            "name",
                            "Matrix",
                            "password",
                            Api.TEST_PASSWORD),
                    everyone(201)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/auth/token",
                    target -> Map.of("username", Api.MEMBER, "password", "member-demo-password"),
                    everyone(200)),
            new Row(Side.COMMAND, "GET", "/.well-known/jwks.json", target -> NO_BODY, everyone(200)),
            new Row(Side.COMMAND, "GET", "/.well-known/openid-configuration", target -> NO_BODY, everyone(200)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/spaces",
                    target -> Catalogue.aSpace("Matrix " + UUID.randomUUID()),
                    adminOnly(201)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/spaces/{spaceId}/managers",
                    target -> Map.of("memberId", target.api().newMember().memberId()),
                    adminOnly(200)),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/spaces/{spaceId}/legal-entity",
                    target -> Catalogue.aLegalEntity("Matrix B.V."),
                    adminOnly(200)),
            // 24 hours a day: no cap the matrix's own bookings could reach
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/spaces/{spaceId}/quotas",
                    target -> Map.of("hoursPerDay", 24),
                    spaceManagement(200)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/spaces/{spaceId}/resources",
                    target -> Catalogue.aDesk("Matrix desk"),
                    spaceManagement(201)),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/resources/{resourceId}",
                    target -> Catalogue.aDesk("Renamed desk"),
                    spaceManagement(200)),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/resources/{resourceId}/seats",
                    target -> Map.of("seats", 4),
                    spaceManagement(200)),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/resources/{resourceId}/buffers",
                    target -> Map.of("beforeMinutes", 15, "afterMinutes", 15),
                    spaceManagement(200)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/resources/{resourceId}/retire",
                    target -> NO_BODY,
                    spaceManagement(200)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings",
                    target -> Bookings.aBooking(
                            target.aFreshDesk(), Bookings.inDays(2, 10, 0), Bookings.inDays(2, 12, 0)),
                    anySignedIn(201)),
            // only the member who booked pays (the matrix's bookings are the MEMBER's)
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings/{bookingId}/payment",
                    target -> NO_BODY,
                    statuses(401, 200, 403, 403, 403, 403, 403)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings/{bookingId}/cancel",
                    target -> Map.of("reason", "matrix"),
                    statuses(401, 200, 403, 200, 403, 200, 403)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings/series",
                    target -> aSeries(target.aFreshDesk(), 5),
                    anySignedIn(201)),
            // a series is paid as one, by its member (the matrix's series are the MEMBER's)
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings/series/{seriesId}/payment",
                    target -> NO_BODY,
                    statuses(401, 200, 403, 403, 403, 403, 403)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings/series/{seriesId}/cancel",
                    target -> NO_BODY,
                    statuses(401, 200, 403, 200, 403, 200, 403)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/resources/{resourceId}/blocks",
                    target -> Bookings.aBlock(Bookings.inDays(3, 10, 0), Bookings.inDays(3, 12, 0), false),
                    spaceManagement(201)),
            new Row(
                    Side.COMMAND,
                    "DELETE",
                    "/api/resources/{resourceId}/blocks/{blockId}",
                    target -> NO_BODY,
                    spaceManagement(200)),
            new Row(Side.COMMAND, "POST", "/api/plans", target -> aPlan(), adminOnly(201)),
            new Row(Side.COMMAND, "PUT", "/api/plans/{planId}", target -> aPlan(), adminOnly(200)),
            new Row(Side.COMMAND, "POST", "/api/plans/{planId}/retire", target -> NO_BODY, adminOnly(200)),
            // every account is a member, and subscribes itself
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/memberships",
                    target -> Map.of("planId", target.planId()),
                    anySignedIn(201)),
            // {membershipId} is a paid membership of the MEMBER; each call asks for a plan just defined
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/memberships/{membershipId}/plan",
                    target -> Map.of("planId", Memberships.define(target.api(), aPlan())),
                    statuses(401, 200, 403, 403, 403, 200, 403)),
            // {membershipId} is a live membership of the MEMBER
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/memberships/{membershipId}/cancel",
                    target -> NO_BODY,
                    statuses(401, 200, 403, 403, 403, 200, 403)),
            // {companyId} is a company registered for the call, which none of the callers but ADMIN administers
            new Row(Side.COMMAND, "POST", "/api/companies", target -> aCompany(), adminOnly(201)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/companies/{companyId}/administrators",
                    target -> Map.of("memberId", target.api().newMember().memberId()),
                    adminOnly(200)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/companies/{companyId}/members",
                    target -> Map.of("memberId", target.api().newMember().memberId()),
                    adminOnly(200)),
            new Row(
                    Side.COMMAND,
                    "DELETE",
                    "/api/companies/{companyId}/members/{memberId}",
                    target -> NO_BODY,
                    adminOnly(200)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/companies/{companyId}/plan",
                    target -> Map.of("planId", target.planId(), "homeSpaceId", target.spaceId()),
                    adminOnly(200)),
            // {companyId} here holds the plan of the matrix, taken by ADMIN for the call
            new Row(Side.COMMAND, "POST", "/api/companies/{companyId}/plan/cancel", target -> NO_BODY, adminOnly(200)),
            // Stripe signs its calls instead of sending a token: unsigned ones are refused whoever sends them.
            new Row(Side.COMMAND, "POST", "/api/payments/stripe/webhook", target -> NO_BODY, everyone(400)),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/operations/lookups/rebuild",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 200)),
            // query side
            new Row(Side.QUERY, "GET", "/api/spaces", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/spaces/{spaceId}", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/spaces/{spaceId}/resources", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/resources/{resourceId}", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/resources/{resourceId}/availability", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/availability", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/members/me/bookings", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/plans", target -> NO_BODY, anySignedIn(200)),
            // every caller subscribed in the row of POST /api/memberships above
            new Row(Side.QUERY, "GET", "/api/members/me/membership", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/members/me/credits", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/members/me/credits/statement", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/plans/{planId}", target -> NO_BODY, anySignedIn(200)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/bookings/{bookingId}",
                    target -> NO_BODY,
                    statuses(401, 200, 403, 200, 403, 200, 200)),
            new Row(Side.QUERY, "GET", "/api/members/me/invoices", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "GET", "/api/companies/{companyId}", target -> NO_BODY, adminOnly(200)),
            new Row(Side.QUERY, "GET", "/api/companies/{companyId}/bookings", target -> NO_BODY, adminOnly(200)),
            new Row(Side.QUERY, "GET", "/api/companies/{companyId}/bookings.csv", target -> NO_BODY, adminOnly(200)),
            new Row(Side.QUERY, "GET", "/api/companies/{companyId}/credits", target -> NO_BODY, adminOnly(200)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/companies/{companyId}/credits/statement",
                    target -> NO_BODY,
                    adminOnly(200)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/companies/{companyId}/invoices",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 200, 200)),
            // filtered by the space: its manager, administrators and operators list its invoices
            new Row(Side.QUERY, "GET", "/api/invoices", target -> NO_BODY, statuses(401, 403, 403, 200, 403, 200, 200)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/invoices/{invoiceId}",
                    target -> NO_BODY,
                    statuses(401, 200, 403, 200, 403, 200, 200)),
            // a space's figures: its managers and administrators; operators audit events, not revenue
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/dashboards/spaces/{spaceId}",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 200, 403, 200, 403)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/dashboards/spaces/{spaceId}.csv",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 200, 403, 200, 403)),
            new Row(Side.QUERY, "GET", "/api/dashboards/network", target -> NO_BODY, adminOnly(200)),
            new Row(Side.QUERY, "GET", "/api/dashboards/network.csv", target -> NO_BODY, adminOnly(200)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/invoices/{invoiceId}/pdf",
                    target -> NO_BODY,
                    statuses(401, 200, 403, 200, 403, 200, 200)),
            new Row(Side.QUERY, "GET", "/api/members/me/calendar.ics", target -> NO_BODY, anySignedIn(200)),
            new Row(Side.QUERY, "POST", "/api/members/me/calendar-feed", target -> NO_BODY, anySignedIn(201)),
            new Row(Side.QUERY, "DELETE", "/api/members/me/calendar-feed", target -> NO_BODY, anySignedIn(204)),
            // the secret address is the credential: whoever has it reads the member's feed, token or not
            new Row(Side.QUERY, "GET", "/api/calendar-feeds/{token}.ics", target -> NO_BODY, everyone(200)),
            // the audit trail: operators read everything, the managers of a space its bookings' histories
            // ({aggregateId} is a booking of the MEMBER in the matrix's space)
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/audit/aggregates/{aggregateId}/events",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 200, 403, 403, 200)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/audit/aggregates/{aggregateId}/state",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 200, 403, 403, 200)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/audit/events",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 200)),
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/audit/events.ndjson",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 200)),
            // dead letters of the read models: operators only ({sequenceId} names a sequence with nothing parked)
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/operations/dead-letters",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 200)),
            new Row(
                    Side.QUERY,
                    "POST",
                    "/api/operations/dead-letters/{processingGroup}/retry",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 200)),
            new Row(
                    Side.QUERY,
                    "POST",
                    "/api/operations/dead-letters/{processingGroup}/sequences/{sequenceId}/retry",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 200)),
            new Row(
                    Side.QUERY,
                    "DELETE",
                    "/api/operations/dead-letters/{processingGroup}/sequences/{sequenceId}",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 204)),
            // read models: operators follow and rebuild them ({name} is notifications, which is never replayed, so
            // that the matrix does not rebuild a read model under the other tests)
            new Row(
                    Side.QUERY,
                    "GET",
                    "/api/operations/projections",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 200)),
            new Row(
                    Side.QUERY,
                    "POST",
                    "/api/operations/projections/{name}/replay",
                    target -> NO_BODY,
                    statuses(401, 403, 403, 403, 403, 403, 409)));

    private Api api;
    private Catalogue.ManagedSpace space;
    private Map<Caller, Api.Session> sessions;
    private int bookingsMade;
    private long latestPosition;
    private String plan;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        space = Catalogue.aManagedSpace(api, "Matrix space " + UUID.randomUUID());
        Catalogue.ManagedSpace other = Catalogue.aManagedSpace(api, "Other matrix space " + UUID.randomUUID());
        sessions = new EnumMap<>(Caller.class);
        sessions.put(Caller.MEMBER, api.newMember());
        sessions.put(Caller.OTHER_MEMBER, api.newMember());
        sessions.put(Caller.MANAGER_OF_THE_SPACE, space.manager());
        sessions.put(Caller.MANAGER_OF_ANOTHER_SPACE, other.manager());
        sessions.put(Caller.ADMIN, api.signIn(Api.ADMIN));
        sessions.put(Caller.OPERATOR, api.signIn(Api.OPERATOR));
        latestPosition = other.position();
        plan = aPlanDefined();
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() {
        assertSoftly(softly -> {
            for (Row row : MATRIX) {
                for (Caller caller : Caller.values()) {
                    Reply reply = call(row, caller);
                    if (reply.header("X-Event-Position") != null) {
                        // so that the next call's ?after= sees what this one changed (a cancelled membership, say)
                        latestPosition = Math.max(latestPosition, reply.eventPosition());
                    }
                    softly.assertThat(reply.status())
                            .as("%s %s as %s answered %s", row.method(), row.path(), caller, reply.raw())
                            .isEqualTo(row.expected().get(caller));
                    if (reply.status() >= 400) {
                        softly.assertThat(reply.contentType())
                                .as("%s %s as %s", row.method(), row.path(), caller)
                                .startsWith("application/problem+json");
                    }
                }
            }
        });
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> documented = new TreeSet<>();
        documented.addAll(endpoints(
                api.commandSide().get("/v3/api-docs").expectStatus(200).body(), Side.COMMAND));
        documented.addAll(
                endpoints(api.querySide().get("/v3/api-docs").expectStatus(200).body(), Side.QUERY));
        Set<String> inMatrix = new TreeSet<>();
        MATRIX.forEach(row -> inMatrix.add(row.side() + " " + row.method() + " " + row.path()));

        assertThat(inMatrix).as("endpoints with a row in the permission matrix").isEqualTo(documented);
    }

    private Reply call(Row row, Caller caller) {
        Reply resource = row.path().contains("{resourceId}") ? aFreshResource() : null;
        String resourceId =
                resource == null ? "" : resource.body().get("resourceId").asText();
        Target target = new Target(space.spaceId(), resourceId, api, space, plan);
        String path = row.path().replace("{spaceId}", space.spaceId()).replace("{resourceId}", resourceId);
        if (path.contains("{invoiceId}")) {
            path = path.replace("{invoiceId}", anInvoiceOf(sessions.get(Caller.MEMBER), target.aFreshDesk()));
        }
        if (path.contains("{aggregateId}")) {
            path = path.replace("{aggregateId}", aBookingBy(sessions.get(Caller.MEMBER), target.aFreshDesk()));
        }
        if (path.contains("{bookingId}")) {
            path = path.replace("{bookingId}", aBookingBy(sessions.get(Caller.MEMBER), target.aFreshDesk()));
        }
        if (path.contains("{seriesId}")) {
            path = path.replace("{seriesId}", aSeriesBy(sessions.get(Caller.MEMBER), target.aFreshDesk()));
        }
        if (path.endsWith("{membershipId}/plan")) {
            path = path.replace("{membershipId}", aPaidMembershipOfTheMember());
        }
        if (path.contains("{membershipId}")) {
            path = path.replace("{membershipId}", aLiveMembershipOfTheMember());
        }
        if (path.contains("{planId}")) {
            path = path.replace("{planId}", aPlanDefined());
        }
        if (path.endsWith("{companyId}/plan/cancel")) {
            path = path.replace("{companyId}", aCompanyOnThePlan(target.planId()));
        }
        if (path.contains("{companyId}")) {
            path = path.replace("{companyId}", aCompanyRegistered());
        }
        if (path.contains("{memberId}")) {
            path = path.replace("{memberId}", api.newMember().memberId());
        }
        path = path.replace("{name}", "notifications");
        if (path.contains("{token}")) {
            String url = api.querySide()
                    .as(sessions.get(Caller.MEMBER))
                    .post("/api/members/me/calendar-feed", NO_BODY)
                    .expectStatus(201)
                    .body()
                    .get("url")
                    .asText();
            path = path.replace("{token}.ics", url.substring(url.lastIndexOf('/') + 1));
        }
        if (path.contains("{blockId}")) {
            path = path.replace(
                    "{blockId}",
                    api.commandSide()
                            .as(space.manager())
                            .post(
                                    "/api/resources/" + resourceId + "/blocks",
                                    Bookings.aBlock(Bookings.inDays(4, 10, 0), Bookings.inDays(4, 11, 0), false))
                            .expectStatus(201)
                            .body()
                            .get("blockId")
                            .asText());
        }
        path = path.replace("{processingGroup}", "catalogue")
                .replace("{sequenceId}", UUID.randomUUID().toString());
        if (row.side() == Side.QUERY) {
            // read-your-writes, so that the query side has seen the space, resource and booking made for this call
            path += "?after=" + latestPosition + queryParameters(row.path());
        }
        Api.Request request = row.side() == Side.COMMAND ? api.commandSide() : api.querySide();
        if (caller != Caller.NOBODY) {
            request = request.as(sessions.get(caller));
        }
        Object body = row.body().apply(target);
        return switch (row.method()) {
            case "GET" -> request.get(path);
            case "POST" -> request.post(path, body);
            case "PUT" -> request.put(path, body);
            case "DELETE" -> request.delete(path);
            default -> throw new IllegalArgumentException(row.method());
        };
    }

    /** The MEMBER's live membership, subscribed anew when the last one ended (a cancelled pending one ends at once). */
    private String aLiveMembershipOfTheMember() {
        Reply current = api.querySide()
                .as(sessions.get(Caller.MEMBER))
                .get("/api/members/me/membership?after=" + latestPosition);
        if (current.status() == 200 && !current.body().get("status").asText().equals("ENDED")) {
            return current.body().get("membershipId").asText();
        }
        Reply subscribed = api.commandSide()
                .as(sessions.get(Caller.MEMBER))
                .post("/api/memberships", Map.of("planId", plan))
                .expectStatus(201);
        latestPosition = Math.max(latestPosition, subscribed.eventPosition());
        return subscribed.body().get("membershipId").asText();
    }

    /**
     * The MEMBER's live membership with its first period paid, as a plan change needs: one that was cancelled (by the
     * row of the cancellation) is ended by Stripe's notice first, so that the member may subscribe anew.
     */
    private String aPaidMembershipOfTheMember() {
        Reply current = api.querySide()
                .as(sessions.get(Caller.MEMBER))
                .get("/api/members/me/membership?after=" + latestPosition);
        if (current.status() == 200 && current.body().get("status").asText().equals("ENDING")) {
            Reply ended = api.stripeSaysOfCancelledSubscription(
                            current.body().get("membershipId").asText())
                    .expectStatus(200);
            latestPosition = Math.max(latestPosition, ended.eventPosition());
        }
        String membership = aLiveMembershipOfTheMember();
        latestPosition = Math.max(
                latestPosition, Memberships.firstPeriodPaid(api, membership).eventPosition());
        return membership;
    }

    private static Map<String, Object> aPlan() {
        return Memberships.aPlan("Matrix plan", 600, "MEETING_ROOM");
    }

    private static Map<String, Object> aCompany() {
        return Companies.aCompany("Matrix company " + UUID.randomUUID());
    }

    private String aCompanyRegistered() {
        Reply registered = api.commandSide()
                .as(sessions.get(Caller.ADMIN))
                .post("/api/companies", aCompany())
                .expectStatus(201);
        latestPosition = Math.max(latestPosition, registered.eventPosition());
        return registered.body().get("companyId").asText();
    }

    private String aCompanyOnThePlan(String planId) {
        String company = aCompanyRegistered();
        Reply taken = api.commandSide()
                .as(sessions.get(Caller.ADMIN))
                .post("/api/companies/" + company + "/plan", Map.of("planId", planId, "homeSpaceId", space.spaceId()))
                .expectStatus(200);
        latestPosition = Math.max(latestPosition, taken.eventPosition());
        return company;
    }

    private String aPlanDefined() {
        Reply defined = api.commandSide()
                .as(sessions.get(Caller.ADMIN))
                .post("/api/plans", aPlan())
                .expectStatus(201);
        latestPosition = Math.max(latestPosition, defined.eventPosition());
        return defined.body().get("planId").asText();
    }

    /** On a day of its own, so that the bookings left live never reach the member's limit. */
    private String aBookingBy(Api.Session member, String desk) {
        int day = 2 + bookingsMade++;
        Reply booked = api.commandSide()
                .as(member)
                .post(
                        "/api/bookings",
                        Bookings.aBooking(desk, Bookings.inDays(day, 14, 0), Bookings.inDays(day, 15, 0)))
                .expectStatus(201);
        latestPosition = Math.max(latestPosition, booked.eventPosition());
        return booked.body().get("bookingId").asText();
    }

    /** Two evenings a week apart, from a day of its own. */
    private static Map<String, Object> aSeries(String desk, int day) {
        Map<String, Object> series = new java.util.LinkedHashMap<>(
                Bookings.aBooking(desk, Bookings.inDays(day, 19, 0), Bookings.inDays(day, 20, 0)));
        series.put("recurrence", "FREQ=WEEKLY;COUNT=2");
        return series;
    }

    private String aSeriesBy(Api.Session member, String desk) {
        Reply placed = api.commandSide()
                .as(member)
                .post("/api/bookings/series", aSeries(desk, 2 + bookingsMade++))
                .expectStatus(201);
        latestPosition = Math.max(latestPosition, placed.eventPosition());
        return placed.body().get("seriesId").asText();
    }

    /** A paid booking's invoice, once the query side has it. */
    private String anInvoiceOf(Api.Session member, String desk) {
        String booking = aBookingBy(member, desk);
        long paid = api.pay(booking).eventPosition();
        latestPosition = Math.max(latestPosition, paid);
        return api
                .querySide()
                .as(member)
                .get("/api/members/me/invoices?size=100&after=" + paid)
                .body()
                .get("items")
                .findValues("invoiceId")
                .stream()
                .map(JsonNode::asText)
                .filter(id -> api.querySide()
                        .as(member)
                        .get("/api/invoices/" + id)
                        .body()
                        .get("bookingId")
                        .asText()
                        .equals(booking))
                .findFirst()
                .orElseThrow();
    }

    /** The parameters a query endpoint requires, beyond its path. */
    private String queryParameters(String path) {
        String tomorrow =
                java.time.LocalDate.now(Bookings.AMSTERDAM).plusDays(1).toString();
        return switch (path) {
            case "/api/availability" -> "&spaceId=" + space.spaceId() + "&date=" + tomorrow;
            case "/api/resources/{resourceId}/availability" ->
                "&from=" + tomorrow + "T00:00:00Z&to=" + tomorrow + "T12:00:00Z";
            case "/api/invoices" -> "&spaceId=" + space.spaceId();
            // an operator's search over the matrix's own events only, so that it stays small
            case "/api/audit/events", "/api/audit/events.ndjson" ->
                "&from=" + java.time.Instant.now().minusSeconds(60);
            default -> "";
        };
    }

    private Reply aFreshResource() {
        Reply added = api.commandSide()
                .as(space.manager())
                .post("/api/spaces/" + space.spaceId() + "/resources", Catalogue.aDesk("Matrix target"))
                .expectStatus(201);
        latestPosition = Math.max(latestPosition, added.eventPosition());
        return added;
    }

    private static List<String> endpoints(JsonNode openApi, Side side) {
        List<String> endpoints = new ArrayList<>();
        openApi.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                method -> endpoints.add(side + " " + method.toUpperCase() + " " + path.getKey())));
        return endpoints;
    }
}
