package com.coworkly.queryside.catalogue;

import com.coworkly.events.catalogue.BookingPolicyChanged;
import com.coworkly.events.catalogue.BookingQuotasChanged;
import com.coworkly.events.catalogue.BuffersChanged;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceRepriced;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SeatsChanged;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalogue read model: spaces, their managers and their resources. Every handler is an upsert or
 * an idempotent update, so an event delivered twice changes nothing the second time.
 */
@Component
@ProcessingGroup(CatalogueProjection.GROUP)
class CatalogueProjection {

    static final String GROUP = "catalogue";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CatalogueProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(SpaceRegistered event) {
        jdbc.update(
                """
                INSERT INTO space_view (space_id, name, time_zone, currency, vat_rate_percent, late_window_minutes,
                                        late_fee_percent, street, postal_code, city, country_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (space_id) DO NOTHING""",
                event.spaceId().value(),
                event.name(),
                event.timeZone().getId(),
                event.currency().getCurrencyCode(),
                event.vatRatePercent(),
                event.cancellationPolicy().lateWindow().toMinutes(),
                event.cancellationPolicy().lateFeePercent(),
                event.address().street(),
                event.address().postalCode(),
                event.address().city(),
                event.address().countryCode());
    }

    @EventHandler
    void on(BookingQuotasChanged event) {
        jdbc.update(
                """
                UPDATE space_view SET quota_day_minutes = ?, quota_week_minutes = ?, quota_month_minutes = ?
                WHERE space_id = ?""",
                minutes(event.quotas().perDay()),
                minutes(event.quotas().perWeek()),
                minutes(event.quotas().perMonth()),
                event.spaceId().value());
    }

    @EventHandler
    void on(BuffersChanged event) {
        jdbc.update(
                "UPDATE resource_view SET buffer_before_minutes = ?, buffer_after_minutes = ? WHERE resource_id = ?",
                event.buffers().before().toMinutes(),
                event.buffers().after().toMinutes(),
                event.resourceId().value());
    }

    @EventHandler
    void on(SeatsChanged event) {
        jdbc.update(
                "UPDATE resource_view SET seats = ? WHERE resource_id = ?",
                event.seats(),
                event.resourceId().value());
    }

    private static Long minutes(java.time.Duration cap) {
        return cap == null ? null : cap.toMinutes();
    }

    @EventHandler
    void on(ManagerGranted event) {
        jdbc.update(
                "INSERT INTO space_manager_view (space_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(),
                event.memberId().value());
    }

    @EventHandler
    void on(ResourceAdded event) {
        var policy = event.bookingPolicy();
        jdbc.update(
                """
                INSERT INTO resource_view (resource_id, space_id, kind, name, capacity, hourly_price, currency,
                                           opening_hours, slot_minutes, minimum_minutes, maximum_minutes, horizon_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (resource_id) DO NOTHING""",
                event.resourceId().value(),
                event.spaceId().value(),
                event.description().kind().name(),
                event.description().name(),
                event.description().capacity(),
                event.hourlyPrice().minorUnits(),
                event.hourlyPrice().currency().getCurrencyCode(),
                asJson(event.openingHours()),
                policy.slot().toMinutes(),
                policy.minimumLength().toMinutes(),
                policy.maximumLength().toMinutes(),
                policy.horizon().toDays());
    }

    @EventHandler
    void on(ResourceDescriptionRevised event) {
        jdbc.update(
                "UPDATE resource_view SET kind = ?, name = ?, capacity = ? WHERE resource_id = ?",
                event.description().kind().name(),
                event.description().name(),
                event.description().capacity(),
                event.resourceId().value());
    }

    @EventHandler
    void on(ResourceRepriced event) {
        jdbc.update(
                "UPDATE resource_view SET hourly_price = ?, currency = ? WHERE resource_id = ?",
                event.hourlyPrice().minorUnits(),
                event.hourlyPrice().currency().getCurrencyCode(),
                event.resourceId().value());
    }

    @EventHandler
    void on(OpeningHoursChanged event) {
        jdbc.update(
                "UPDATE resource_view SET opening_hours = ?::jsonb WHERE resource_id = ?",
                asJson(event.openingHours()),
                event.resourceId().value());
    }

    @EventHandler
    void on(BookingPolicyChanged event) {
        var policy = event.bookingPolicy();
        jdbc.update(
                """
                UPDATE resource_view SET slot_minutes = ?, minimum_minutes = ?, maximum_minutes = ?, horizon_days = ?
                WHERE resource_id = ?""",
                policy.slot().toMinutes(),
                policy.minimumLength().toMinutes(),
                policy.maximumLength().toMinutes(),
                policy.horizon().toDays(),
                event.resourceId().value());
    }

    @EventHandler
    void on(ResourceRetired event) {
        jdbc.update(
                "UPDATE resource_view SET retired = TRUE WHERE resource_id = ?",
                event.resourceId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE space_view, space_manager_view, resource_view");
    }

    private String asJson(WeeklyOpeningHours hours) {
        try {
            return json.writeValueAsString(hours.windows().stream()
                    .map(window -> new CatalogueViews.Window(window.day(), window.opens(), window.closes()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opening hours are always serializable", e);
        }
    }
}
