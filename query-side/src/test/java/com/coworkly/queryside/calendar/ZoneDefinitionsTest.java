package com.coworkly.queryside.calendar;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Time zone definitions come from the ical4j jar and are named as the space's zone. */
class ZoneDefinitionsTest {

    private final ZoneDefinitions zones = new ZoneDefinitions();

    @Test
    void ical4jIsConfiguredNeverToFetchDefinitionsFromTheNetwork() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled"))
                .contains("false");
        assertThat(new TimeZoneUpdater().isEnabled()).isFalse();
    }

    @Test
    void aLinkedZoneIsServedUnderItsOwnNameWithoutPointersToTheOther() {
        VTimeZone amsterdam = zones.of(ZoneId.of("Europe/Amsterdam")).orElseThrow();

        assertThat(amsterdam.getTimeZoneId().getValue()).isEqualTo("Europe/Amsterdam");
        assertThat(amsterdam.getProperty(Property.TZURL)).isEmpty();
        assertThat(amsterdam.getProperty("X-LIC-LOCATION")).isEmpty();
        assertThat(amsterdam.getObservances()).isNotEmpty();
    }

    @Test
    void renamingOneZoneLeavesTheZoneItLinksToAsItWas() {
        zones.of(ZoneId.of("Europe/Amsterdam"));

        assertThat(zones.of(ZoneId.of("Europe/Brussels"))
                        .orElseThrow()
                        .getTimeZoneId()
                        .getValue())
                .isEqualTo("Europe/Brussels");
        assertThat(new ZoneDefinitions()
                        .of(ZoneId.of("Europe/Brussels"))
                        .orElseThrow()
                        .getTimeZoneId()
                        .getValue())
                .isEqualTo("Europe/Brussels");
    }

    @Test
    void aFixedOffsetHasNoDefinition() {
        assertThat(zones.of(ZoneOffset.ofHoursMinutes(5, 30))).isEmpty();
    }
}
