package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.security.Role;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;

/** Named examples of the catalogue, so that each test shows only what its rule is about. */
final class CatalogueTestData {

    static final Currency EUR = Currency.getInstance("EUR");

    static final SpaceId CENTRAL = new SpaceId("space-central");
    static final SpaceId HARBOUR = new SpaceId("space-harbour");
    static final SpaceId NOWHERE = new SpaceId("space-nowhere");
    static final ResourceId DESK = new ResourceId("resource-desk-1");
    /** Manages {@link #CENTRAL}. */
    static final MemberId ALICE = new MemberId("member-alice");
    /** Manages {@link #HARBOUR}. */
    static final MemberId BOB = new MemberId("member-bob");

    static final MemberId STRANGER = new MemberId("member-stranger");
    static final BlockId NEW_CARPET = new BlockId("block-new-carpet");
    static final BlockId UNKNOWN_BLOCK = new BlockId("block-unknown");
    /** Tuesday 10 March 2026, nine to one in Amsterdam. */
    static final Period A_MORNING =
            new Period(Instant.parse("2026-03-10T08:00:00Z"), Instant.parse("2026-03-10T12:00:00Z"));

    private CatalogueTestData() {}

    static MetaData by(Actor actor) {
        return ActorMetaData.of(actor);
    }

    static Actor anAdmin() {
        return new Actor("member-admin", Set.of(Role.ADMIN));
    }

    static Actor aManager(MemberId member) {
        return new Actor(member.value(), Set.of(Role.MANAGER));
    }

    static RegisterSpace aSpaceRegistration(SpaceId space) {
        return new RegisterSpace(
                space,
                "Central",
                ZoneId.of("Europe/Amsterdam"),
                EUR,
                new BigDecimal("21.00"),
                CancellationPolicy.STANDARD,
                anAddress(),
                Duration.ofHours(24),
                null);
    }

    static SpaceRegistered aRegisteredSpace(SpaceId space) {
        return new SpaceRegistered(
                space,
                "Central",
                ZoneId.of("Europe/Amsterdam"),
                EUR,
                new BigDecimal("21.00"),
                CancellationPolicy.STANDARD,
                anAddress(),
                Duration.ofHours(24),
                "CEN");
    }

    static Address anAddress() {
        return new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL");
    }

    static Money euros(long whole) {
        return Money.of(whole * 100, "EUR");
    }

    static Money dollars(long whole) {
        return Money.of(whole * 100, "USD");
    }

    /** Monday to Friday, nine to five. */
    static WeeklyOpeningHours anOpeningWeek() {
        return openOn(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    /** Every day of the week, eight to eight. */
    static WeeklyOpeningHours aLongOpeningWeek() {
        return openOn(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(20, 0));
    }

    private static WeeklyOpeningHours openOn(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
        return new WeeklyOpeningHours(
                days.stream().map(day -> new OpeningWindow(day, opens, closes)).toList());
    }

    /** Whole hours, one to eight of them, up to thirty days ahead. */
    static BookingPolicy anHourlyPolicy() {
        return new BookingPolicy(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(30));
    }

    /** Half hours, up to a whole day, up to ninety days ahead. */
    static BookingPolicy aHalfHourlyPolicy() {
        return new BookingPolicy(
                Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofDays(90));
    }

    static Definition aDeskDefinition() {
        return new Definition(
                new ResourceDescription(ResourceKind.DESK, "Window desk", 1),
                euros(5),
                anOpeningWeek(),
                anHourlyPolicy());
    }

    /** The desk at Central is out of use for {@link #A_MORNING} while a new carpet is laid. */
    static ResourceBlocked aBlockForANewCarpet() {
        return new ResourceBlocked(DESK, CENTRAL, NEW_CARPET, A_MORNING, "new carpet");
    }

    /** What a manager says a resource is; the same definition adds a resource and revises it. */
    record Definition(
            ResourceDescription description,
            Money hourlyPrice,
            WeeklyOpeningHours openingHours,
            BookingPolicy bookingPolicy) {

        Definition describedAs(ResourceDescription newDescription) {
            return new Definition(newDescription, hourlyPrice, openingHours, bookingPolicy);
        }

        Definition pricedAt(Money newPrice) {
            return new Definition(description, newPrice, openingHours, bookingPolicy);
        }

        Definition openDuring(WeeklyOpeningHours newOpeningHours) {
            return new Definition(description, hourlyPrice, newOpeningHours, bookingPolicy);
        }

        Definition bookedBy(BookingPolicy newBookingPolicy) {
            return new Definition(description, hourlyPrice, openingHours, newBookingPolicy);
        }

        AddResource toAdd(ResourceId resource, SpaceId space) {
            return new AddResource(resource, space, description, hourlyPrice, openingHours, bookingPolicy);
        }

        ResourceAdded added(ResourceId resource, SpaceId space) {
            return new ResourceAdded(resource, space, description, hourlyPrice, openingHours, bookingPolicy);
        }

        ReviseResource toRevise(ResourceId resource) {
            return new ReviseResource(resource, description, hourlyPrice, openingHours, bookingPolicy);
        }
    }
}
