package com.coworkly.systemtests.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named builders for catalogue requests, as a manager or administrator would send them. */
public final class Catalogue {

    private Catalogue() {}

    public static Map<String, Object> aSpace(String name) {
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("name", name);
        space.put("timeZone", "Europe/Amsterdam");
        space.put("currency", "EUR");
        space.put("vatRatePercent", 21);
        space.put("cancellationPolicy", Map.of("lateWindowHours", 24, "lateFeePercent", 50));
        space.put(
                "address",
                Map.of("street", "Keizersgracht 1", "postalCode", "1015 CC", "city", "Amsterdam", "countryCode", "NL"));
        return space;
    }

    /** The legal entity that sells a space's bookings, as an administrator assigns it. */
    public static Map<String, Object> aLegalEntity(String legalName) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("legalName", legalName);
        entity.put(
                "address",
                Map.of("street", "Keizersgracht 1", "postalCode", "1015 CC", "city", "Amsterdam", "countryCode", "NL"));
        entity.put("vatNumber", "NL123456789B01");
        entity.put("registrationNumber", "KvK 12345678");
        entity.put("paymentTerms", "Within 14 days");
        return entity;
    }

    public static Map<String, Object> aDesk(String name) {
        Map<String, Object> desk = new LinkedHashMap<>();
        desk.put("kind", "DESK");
        desk.put("name", name);
        desk.put("capacity", 1);
        desk.put("hourlyPrice", Map.of("amount", 600, "currency", "EUR"));
        desk.put(
                "openingHours",
                List.of(
                        Map.of("day", "MONDAY", "opens", "08:00", "closes", "18:00"),
                        Map.of("day", "TUESDAY", "opens", "08:00", "closes", "18:00")));
        desk.put("slotMinutes", 30);
        desk.put("minimumMinutes", 60);
        desk.put("maximumMinutes", 480);
        desk.put("horizonDays", 90);
        return desk;
    }

    public static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(request);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    /** A space registered by the demo admin, with a fresh member granted as its manager. */
    public record ManagedSpace(String spaceId, Api.Session manager, long position) {}

    public static ManagedSpace aManagedSpace(Api api, String name) {
        Api.Session admin = api.signIn(Api.ADMIN);
        String spaceId = api.commandSide()
                .as(admin)
                .post("/api/spaces", aSpace(name))
                .expectStatus(201)
                .body()
                .get("spaceId")
                .asText();
        Api.Session manager = api.newMember();
        long position = api.commandSide()
                .as(admin)
                .post("/api/spaces/" + spaceId + "/managers", Map.of("memberId", manager.memberId()))
                .expectStatus(200)
                .eventPosition();
        // A MANAGER role appears in tokens issued after the grant.
        return new ManagedSpace(spaceId, api.signIn(api.emailOf(manager), Api.TEST_PASSWORD), position);
    }
}
