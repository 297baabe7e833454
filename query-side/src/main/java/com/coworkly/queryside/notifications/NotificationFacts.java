package com.coworkly.queryside.notifications;

import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.identity.MemberRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps what the booking emails name — members' addresses, spaces, resources, bookings — in tables of its own,
 * so that the notifications processor never reads another read model and can be replayed alone. These handlers
 * are upserts and do run in a replay, which rebuilds the tables; the emails themselves never are
 * ({@link BookingEmails}).
 */
@Component
@ProcessingGroup(BookingEmails.GROUP)
class NotificationFacts {

    private final JdbcTemplate jdbc;

    NotificationFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegistered event) {
        jdbc.update("""
                INSERT INTO notification_member (member_id, email, name) VALUES (?, ?, ?)
                ON CONFLICT (member_id) DO NOTHING""", event.memberId().value(), event.email(), event.name());
    }

    @EventHandler
    void on(SpaceRegistered event) {
        jdbc.update(
                "INSERT INTO notification_space (space_id, name) VALUES (?, ?) ON CONFLICT (space_id) DO NOTHING",
                event.spaceId().value(),
                event.name());
    }

    @EventHandler
    void on(ResourceAdded event) {
        jdbc.update("""
                INSERT INTO notification_resource (resource_id, name) VALUES (?, ?)
                ON CONFLICT (resource_id) DO NOTHING""", event.resourceId().value(), event.description().name());
    }

    @EventHandler
    void on(ResourceDescriptionRevised event) {
        jdbc.update(
                "UPDATE notification_resource SET name = ? WHERE resource_id = ?",
                event.description().name(),
                event.resourceId().value());
    }

    @EventHandler
    void on(BookingPlaced event) {
        jdbc.update(
                """
                INSERT INTO notification_booking (booking_id, member_id, space_id, resource_id, starts_at, ends_at,
                                                  time_zone, price, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (booking_id) DO NOTHING""",
                event.bookingId().value(),
                event.memberId().value(),
                event.spaceId().value(),
                event.resourceId().value(),
                utc(event.period().start()),
                utc(event.period().end()),
                event.timeZone().getId(),
                event.price().minorUnits(),
                event.price().currency().getCurrencyCode());
    }

    /** The outbox is not emptied: it is the record of what was sent, and its unique key keeps a replay quiet. */
    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE notification_member, notification_space, notification_resource, notification_booking");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
