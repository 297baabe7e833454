package com.coworkly.queryside.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventReaderTest {

    private final AuditEventReader reader = new AuditEventReader();

    private static StoredEvent withMetaData(String json) {
        return new StoredEvent(
                7,
                "event-7",
                "booking-1",
                "Booking",
                2,
                "com.coworkly.events.booking.BookingConfirmed",
                "1",
                Instant.parse("2026-11-20T10:00:00Z"),
                "{\"bookingId\":\"booking-1\"}".getBytes(StandardCharsets.UTF_8),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEventShowsItsCauseUnderTheAuditNames() {
        AuditEvent event = reader.read(
                withMetaData(
                        "{\"actorId\":\"m-1\",\"actorRoles\":\"MANAGER,MEMBER\","
                                + "\"commandName\":\"BlockResource\",\"requestId\":\"r-1\",\"correlationId\":\"c-1\",\"causationId\":\"e-9\"}"));

        assertThat(event.type()).isEqualTo("BookingConfirmed");
        assertThat(event.payload().get("bookingId").asText()).isEqualTo("booking-1");
        assertThat(event.cause())
                .isEqualTo(new AuditEvent.Cause(
                        "m-1", List.of("MANAGER", "MEMBER"), "BlockResource", null, "c-1", "e-9", "r-1"));
    }

    @Test
    void anEventStoredWithAxonsOwnKeysIsShownUnderTheSameNames() {
        AuditEvent event = reader.read(withMetaData("{\"actorId\":\"m-1\",\"actorRoles\":\"MEMBER\","
                + "\"traceId\":\"first\",\"correlationId\":\"cause\"}"));

        assertThat(event.cause().correlationId()).isEqualTo("first");
        assertThat(event.cause().causationId()).isEqualTo("cause");
        assertThat(event.cause().commandName()).isNull();
    }

    @Test
    void anEventWithoutMetaDataHasAnEmptyCause() {
        assertThat(reader.read(withMetaData(null)).cause())
                .isEqualTo(new AuditEvent.Cause(null, List.of(), null, null, null, null, null));
    }
}
