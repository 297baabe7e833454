package com.coworkly.systemtests.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named builders for bookings and the resources they are made on. */
public final class Bookings {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private Bookings() {}

    /** A desk open every day around the clock, booked in half hours of 1 to 8 hours, up to a year ahead. */
    public static Map<String, Object> anAlwaysOpenDesk(String name) {
        Map<String, Object> desk = new LinkedHashMap<>(Catalogue.aDesk(name));
        desk.put(
                "openingHours",
                Arrays.stream(DayOfWeek.values())
                        .map(day -> Map.of("day", day.name(), "opens", "00:00", "closes", "00:00"))
                        .toList());
        desk.put("horizonDays", 365);
        return desk;
    }

    /** A desk open 08:00 to 18:00 on every day of the week. */
    public static Map<String, Object> anOfficeHoursDesk(String name) {
        Map<String, Object> desk = new LinkedHashMap<>(Catalogue.aDesk(name));
        desk.put(
                "openingHours",
                Arrays.stream(DayOfWeek.values())
                        .map(day -> Map.of("day", day.name(), "opens", "08:00", "closes", "18:00"))
                        .toList());
        return desk;
    }

    /** The given local time of the day so many days from today in Amsterdam. */
    public static ZonedDateTime inDays(int days, int hour, int minute) {
        return ZonedDateTime.of(LocalDate.now(AMSTERDAM).plusDays(days), LocalTime.of(hour, minute), AMSTERDAM);
    }

    /** The local date of Amsterdam's next change to summer time ({@code true}) or back to winter time. */
    public static LocalDate nextClockChange(boolean forward) {
        java.time.Instant from = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        while (true) {
            java.time.zone.ZoneOffsetTransition transition =
                    AMSTERDAM.getRules().nextTransition(from);
            if (transition.isGap() == forward) {
                return transition.getDateTimeBefore().toLocalDate();
            }
            from = transition.getInstant();
        }
    }

    public static Map<String, Object> aBooking(String resourceId, ZonedDateTime start, ZonedDateTime end) {
        return Map.of(
                "resourceId",
                resourceId,
                "start",
                start.toOffsetDateTime().toString(),
                "end",
                end.toOffsetDateTime().toString());
    }

    /** Two hours from {@code from}, placed for {@code memberId} by someone who may book for them. */
    public static Map<String, Object> aBookingFor(String memberId, String resourceId, ZonedDateTime from) {
        Map<String, Object> request = new java.util.HashMap<>(aBooking(resourceId, from, from.plusHours(2)));
        request.put("memberId", memberId);
        return request;
    }

    public static Map<String, Object> aBlock(ZonedDateTime start, ZonedDateTime end, boolean displace) {
        return Map.of(
                "start",
                start.toOffsetDateTime().toString(),
                "end",
                end.toOffsetDateTime().toString(),
                "reason",
                "Replacing the chairs",
                "displace",
                displace);
    }

    public static String addResource(Api api, Catalogue.ManagedSpace space, Map<String, Object> definition) {
        return api.commandSide()
                .as(space.manager())
                .post("/api/spaces/" + space.spaceId() + "/resources", definition)
                .expectStatus(201)
                .body()
                .get("resourceId")
                .asText();
    }

    public static List<String> ids(Iterable<com.fasterxml.jackson.databind.JsonNode> nodes) {
        List<String> ids = new java.util.ArrayList<>();
        nodes.forEach(node -> ids.add(node.asText()));
        return ids;
    }
}
