package com.coworkly.queryside.availability;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.BookingPolicyChanged;
import com.coworkly.events.catalogue.BuffersChanged;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SeatsChanged;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.Period;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;

/**
 * Keeps the availability read model: each space's zone, each resource's opening hours and slot, and the
 * periods that bookings and maintenance blocks occupy. It keeps its own copy of the catalogue facts it needs
 * so that it can be replayed on its own.
 *
 * <p>Every handler is an insert that ignores a row already there, an update to a value, or a delete, so an
 * event delivered twice changes nothing the second time. A booking stops occupying its period when it is
 * cancelled or expires; a completed booking's period is past and may stay.
 */
@Component
@ProcessingGroup(AvailabilityProjection.GROUP)
class AvailabilityProjection {

    static final String GROUP = "availability";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AvailabilityProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(SpaceRegistered event) {
        jdbc.update(
                "INSERT INTO availability_space (space_id, time_zone) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(),
                event.timeZone().getId());
    }

    @EventHandler
    void on(ResourceAdded event) {
        jdbc.update(
                """
                INSERT INTO availability_resource (resource_id, space_id, kind, name, opening_hours, slot_minutes)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (resource_id) DO NOTHING""",
                event.resourceId().value(),
                event.spaceId().value(),
                event.description().kind().name(),
                event.description().name(),
                asJson(event.openingHours()),
                event.bookingPolicy().slot().toMinutes());
    }

    @EventHandler
    void on(ResourceDescriptionRevised event) {
        jdbc.update(
                "UPDATE availability_resource SET kind = ?, name = ? WHERE resource_id = ?",
                event.description().kind().name(),
                event.description().name(),
                event.resourceId().value());
    }

    @EventHandler
    void on(OpeningHoursChanged event) {
        jdbc.update(
                "UPDATE availability_resource SET opening_hours = ?::jsonb WHERE resource_id = ?",
                asJson(event.openingHours()),
                event.resourceId().value());
    }

    @EventHandler
    void on(BookingPolicyChanged event) {
        jdbc.update(
                "UPDATE availability_resource SET slot_minutes = ? WHERE resource_id = ?",
                event.bookingPolicy().slot().toMinutes(),
                event.resourceId().value());
    }

    @EventHandler
    void on(BuffersChanged event) {
        jdbc.update(
                "UPDATE availability_resource SET buffer_before_minutes = ?, buffer_after_minutes = ? WHERE resource_id = ?",
                event.buffers().before().toMinutes(),
                event.buffers().after().toMinutes(),
                event.resourceId().value());
    }

    @EventHandler
    void on(SeatsChanged event) {
        jdbc.update(
                "UPDATE availability_resource SET seats = ? WHERE resource_id = ?",
                event.seats(),
                event.resourceId().value());
    }

    @EventHandler
    void on(ResourceRetired event) {
        jdbc.update(
                "UPDATE availability_resource SET retired = TRUE WHERE resource_id = ?",
                event.resourceId().value());
    }

    @EventHandler
    void on(BookingPlaced event) {
        occupy(
                event.resourceId().value(),
                event.spaceId().value(),
                event.bookingId().value(),
                "BOOKING",
                event.occupied());
    }

    @EventHandler
    void on(BookingCancelled event) {
        free("BOOKING", event.bookingId().value());
    }

    @EventHandler
    void on(BookingExpired event) {
        free("BOOKING", event.bookingId().value());
    }

    @EventHandler
    void on(ResourceBlocked event) {
        occupy(
                event.resourceId().value(),
                event.spaceId().value(),
                event.blockId().value(),
                "BLOCK",
                event.period());
    }

    @EventHandler
    void on(BlockRemoved event) {
        free("BLOCK", event.blockId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE availability_space, availability_resource, occupied_period");
    }

    private void occupy(String resourceId, String spaceId, String ownerId, String kind, Period period) {
        jdbc.update(
                """
                INSERT INTO occupied_period (resource_id, space_id, owner_id, kind, period)
                VALUES (?, ?, ?, ?, tstzrange(?, ?))
                ON CONFLICT (kind, owner_id) DO NOTHING""",
                resourceId,
                spaceId,
                ownerId,
                kind,
                period.start().atOffset(ZoneOffset.UTC),
                period.end().atOffset(ZoneOffset.UTC));
    }

    private void free(String kind, String ownerId) {
        jdbc.update("DELETE FROM occupied_period WHERE kind = ? AND owner_id = ?", kind, ownerId);
    }

    private String asJson(WeeklyOpeningHours hours) {
        try {
            return json.writeValueAsString(hours.windows().stream()
                    .map(window -> new Opening(window.day(), window.opens(), window.closes()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opening hours are always serializable", e);
        }
    }
}
