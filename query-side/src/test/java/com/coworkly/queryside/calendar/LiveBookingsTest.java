package com.coworkly.queryside.calendar;

import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's live bookings joined with the catalogue, against PostgreSQL. The rows are written as the bookings
 * and catalogue projections write them; those projections have tests of their own.
 */
class LiveBookingsTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static ReadModelDatabase database;
    private LiveBookings live;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void anAmsterdamSpaceWithADesk() {
        database.jdbc().update("TRUNCATE booking_view, space_view, resource_view");
        database.jdbc().update("""
                INSERT INTO space_view (space_id, name, time_zone, currency, vat_rate_percent, late_window_minutes,
                                        late_fee_percent, street, postal_code, city, country_code)
                VALUES ('space-1', 'Amsterdam Central', 'Europe/Amsterdam', 'EUR', 21, 1440, 50, 'Keizersgracht 1',
                        '1015 CC', 'Amsterdam', 'NL')""");
        database.jdbc().update("""
                INSERT INTO resource_view (resource_id, space_id, kind, name, capacity, hourly_price, currency,
                                           opening_hours, slot_minutes, minimum_minutes, maximum_minutes, horizon_days)
                VALUES ('desk-1', 'space-1', 'DESK', 'Desk 12', 1, 600, 'EUR', '[]', 30, 60, 480, 90)""");
        live = new LiveBookings(database.jdbc());
    }

    @Test
    void onlyPendingAndConfirmedBookingsAreLive() {
        booking("pending", "mia", "desk-1", "2026-12-07T08:00:00Z", "PENDING_PAYMENT");
        booking("confirmed", "mia", "desk-1", "2026-12-08T08:00:00Z", "CONFIRMED");
        booking("cancelled", "mia", "desk-1", "2026-12-09T08:00:00Z", "CANCELLED");
        booking("expired", "mia", "desk-1", "2026-12-10T08:00:00Z", "EXPIRED");
        booking("completed", "mia", "desk-1", "2026-11-01T08:00:00Z", "COMPLETED");

        assertThat(live.of("mia")).extracting(LiveBooking::bookingId).containsExactly("pending", "confirmed");
        assertThat(live.of("mia")).extracting(LiveBooking::confirmed).containsExactly(false, true);
    }

    @Test
    void onlyTheMembersOwnBookingsInTheOrderTheyStart() {
        booking("later", "mia", "desk-1", "2026-12-09T08:00:00Z", "CONFIRMED");
        booking("someone-elses", "max", "desk-1", "2026-12-08T08:00:00Z", "CONFIRMED");
        booking("sooner", "mia", "desk-1", "2026-12-07T08:00:00Z", "CONFIRMED");

        assertThat(live.of("mia")).extracting(LiveBooking::bookingId).containsExactly("sooner", "later");
    }

    @Test
    void aBookingCarriesItsPeriodZoneAndTheCataloguesNamesAndAddress() {
        booking("b-1", "mia", "desk-1", "2026-12-07T08:00:00Z", "CONFIRMED");

        assertThat(live.of("mia"))
                .singleElement()
                .isEqualTo(new LiveBooking(
                        "b-1",
                        Instant.parse("2026-12-07T08:00:00Z"),
                        Instant.parse("2026-12-07T10:00:00Z"),
                        AMSTERDAM,
                        true,
                        Optional.of("Desk 12"),
                        Optional.of("Amsterdam Central"),
                        Optional.of("Keizersgracht 1, 1015 CC Amsterdam, NL")));
    }

    @Test
    void aBookingOfAResourceTheCatalogueHasNotSeenIsLiveAllTheSame() {
        database.jdbc().update("TRUNCATE space_view, resource_view");
        booking("b-1", "mia", "desk-1", "2026-12-07T08:00:00Z", "CONFIRMED");

        assertThat(live.of("mia")).singleElement().satisfies(booking -> {
            assertThat(booking.resourceName()).isEmpty();
            assertThat(booking.spaceName()).isEmpty();
            assertThat(booking.address()).isEmpty();
        });
    }

    @Test
    void aMemberWithoutBookingsHasNone() {
        assertThat(live.of("nobody")).isEqualTo(List.of());
    }

    private static void booking(String bookingId, String memberId, String resourceId, String start, String status) {
        Instant starts = Instant.parse(start);
        database.jdbc()
                .update(
                        """
                INSERT INTO booking_view (booking_id, resource_id, space_id, member_id, period, time_zone, status,
                                          price, currency, placed_at)
                VALUES (?, ?, 'space-1', ?, tstzrange(?, ?), 'Europe/Amsterdam', ?, 1200, 'EUR', ?)""",
                        bookingId,
                        resourceId,
                        memberId,
                        starts.atOffset(ZoneOffset.UTC),
                        starts.plusSeconds(7200).atOffset(ZoneOffset.UTC),
                        status,
                        starts.atOffset(ZoneOffset.UTC));
    }
}
