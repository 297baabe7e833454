package com.coworkly.queryside.calendar;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzId;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The VTIMEZONE of a space's zone, from the definitions bundled with ical4j (never fetched: see
 * {@code ical4j.properties}).
 *
 * <p>A bundled definition of a zone that the tz database links to another carries the other zone's TZID:
 * Europe/Amsterdam is defined as Europe/Brussels, with the same rules. Events name the space's own zone, and
 * RFC 5545 requires a VTIMEZONE for every TZID used, so the copy served here is renamed to the space's zone,
 * and loses the pointers to the other zone's definition (TZURL, X-LIC-LOCATION) that calendar apps may follow.
 */
@Component
class ZoneDefinitions {

    private final TimeZoneRegistry registry =
            TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Map<ZoneId, Optional<VTimeZone>> loaded = new HashMap<>();

    /** Empty for the few zones ical4j has no definition of (fixed offsets such as +05:30, SystemV/…). */
    synchronized Optional<VTimeZone> of(ZoneId zone) {
        return loaded.computeIfAbsent(zone, this::load);
    }

    private Optional<VTimeZone> load(ZoneId zone) {
        TimeZone bundled = registry.getTimeZone(zone.getId());
        if (bundled == null) {
            return Optional.empty();
        }
        VTimeZone definition = bundled.getVTimeZone().copy();
        definition.replace(new TzId(zone.getId()));
        definition.removeAll(Property.TZURL, "X-LIC-LOCATION");
        return Optional.of(definition);
    }
}
