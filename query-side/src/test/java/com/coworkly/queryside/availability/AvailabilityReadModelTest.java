package com.coworkly.queryside.availability;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.BookingPolicyChanged;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.queryside.support.ReadModelDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The availability projection, its queries and {@link Availability} against PostgreSQL, without Spring. */
class AvailabilityReadModelTest {

    private static final SpaceId SPACE = new SpaceId("space-1");
    private static final ResourceId DESK_1 = new ResourceId("desk-1");
    private static final ResourceId DESK_2 = new ResourceId("desk-2");
    private static final ResourceId ROOM = new ResourceId("room-1");
    private static final LocalDate A_MONDAY = LocalDate.of(2026, 12, 7);
    private static final Clock WEEK_BEFORE = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);

    private static ReadModelDatabase database;
    private AvailabilityProjection projection;
    private Availability availability;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void aSpaceWithTwoDesksAndARoom() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        projection = new AvailabilityProjection(database.jdbc(), json);
        availability = new Availability(new AvailabilityQueries(database.jdbc(), json), WEEK_BEFORE);
        projection.reset();
        projection.on(new SpaceRegistered(
                SPACE,
                "Amsterdam Central",
                ZoneId.of("Europe/Amsterdam"),
                Currency.getInstance("EUR"),
                new BigDecimal("21"),
                CancellationPolicy.STANDARD,
                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                java.time.Duration.ofHours(24)));
        projection.on(added(DESK_2, ResourceKind.DESK, "Desk 2"));
        projection.on(added(DESK_1, ResourceKind.DESK, "Desk 1"));
        projection.on(added(ROOM, ResourceKind.MEETING_ROOM, "Canal Room"));
    }

    @Test
    void everyBookableResourceIsListedByNameWithItsFreeTime() {
        var answer = onMonday(Optional.empty());

        assertThat(answer.timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(answer.resources())
                .extracting(AvailabilityViews.ResourceFreeTime::name)
                .containsExactly("Canal Room", "Desk 1", "Desk 2");
        assertThat(answer.resources().get(1).free()).containsExactly(free("08:00", "20:00"));
    }

    @Test
    void bookingsAndBlocksTakeTimeUntilTheyAreCancelledExpiredOrLifted() {
        projection.on(placed("b1", DESK_1, "09:00", "11:00"));
        projection.on(placed("b1", DESK_1, "09:00", "11:00"));
        projection.on(placed("b2", DESK_1, "12:00", "13:00"));
        projection.on(placed("b3", DESK_1, "14:00", "15:00"));
        projection.on(new ResourceBlocked(DESK_1, SPACE, new BlockId("k1"), monday("17:00", "18:00"), "paint"));
        projection.on(placed("other", DESK_2, "08:00", "20:00"));

        assertThat(deskOne())
                .containsExactly(
                        free("08:00", "09:00"),
                        free("11:00", "12:00"),
                        free("13:00", "14:00"),
                        free("15:00", "17:00"),
                        free("18:00", "20:00"));

        projection.on(new BookingCancelled(
                new BookingId("b2"),
                DESK_1,
                SPACE,
                new MemberId("mia"),
                monday("12:00", "13:00"),
                "mia",
                CancellationReason.BY_MEMBER,
                null,
                Money.of(0, "EUR"),
                Money.of(600, "EUR")));
        projection.on(new BookingExpired(
                new BookingId("b3"), DESK_1, SPACE, new MemberId("mia"), monday("14:00", "15:00"), "payment failed"));
        projection.on(new BlockRemoved(DESK_1, SPACE, new BlockId("k1"), monday("17:00", "18:00")));

        assertThat(deskOne()).containsExactly(free("08:00", "09:00"), free("11:00", "20:00"));
    }

    @Test
    void aKindNarrowsTheListAndRetiredResourcesAreLeftOut() {
        projection.on(new ResourceRetired(DESK_2, SPACE));

        assertThat(onMonday(Optional.of(ResourceKind.DESK)).resources())
                .extracting(AvailabilityViews.ResourceFreeTime::resourceId)
                .containsExactly("desk-1");
        assertThat(availability
                        .ofResource("desk-2", range("2026-12-07T00:00+01:00", "2026-12-08T00:00+01:00"))
                        .orElseThrow())
                .satisfies(desk -> {
                    assertThat(desk.retired()).isTrue();
                    assertThat(desk.free()).isEmpty();
                });
    }

    @Test
    void revisedDescriptionsOpeningHoursAndSlotsAreFollowed() {
        projection.on(new ResourceDescriptionRevised(
                DESK_1, SPACE, new ResourceDescription(ResourceKind.PHONE_BOOTH, "Booth", 1)));
        projection.on(new OpeningHoursChanged(
                DESK_1,
                SPACE,
                new WeeklyOpeningHours(
                        List.of(new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(9, 10), LocalTime.of(17, 0))))));
        projection.on(new BookingPolicyChanged(
                DESK_1,
                SPACE,
                new BookingPolicy(
                        Duration.ofMinutes(60), Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(30))));

        var booth = onMonday(Optional.of(ResourceKind.PHONE_BOOTH)).resources();

        assertThat(booth).extracting(AvailabilityViews.ResourceFreeTime::name).containsExactly("Booth");
        assertThat(booth.get(0).free()).containsExactly(free("10:00", "17:00"));
    }

    @Test
    void oneResourcesFreeTimeSpansDaysInTheAskedRange() {
        var desk = availability
                .ofResource("desk-1", range("2026-12-07T12:00+01:00", "2026-12-09T12:00+01:00"))
                .orElseThrow();

        assertThat(desk.timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(desk.free())
                .containsExactly(
                        free("12:00", "20:00"),
                        new AvailabilityViews.FreePeriod(
                                OffsetDateTime.parse("2026-12-08T08:00+01:00"),
                                OffsetDateTime.parse("2026-12-08T20:00+01:00")),
                        new AvailabilityViews.FreePeriod(
                                OffsetDateTime.parse("2026-12-09T08:00+01:00"),
                                OffsetDateTime.parse("2026-12-09T12:00+01:00")));
    }

    @Test
    void unknownSpacesAndResourcesAreNotFound() {
        assertThat(availability.onDate("nowhere", A_MONDAY, Optional.empty())).isEmpty();
        assertThat(availability.ofResource(
                        "nothing", new AvailabilityRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(1))))
                .isEmpty();
    }

    @Test
    void aResetEmptiesTheReadModel() {
        projection.on(placed("b1", DESK_1, "09:00", "11:00"));

        projection.reset();

        assertThat(availability.onDate(SPACE.value(), A_MONDAY, Optional.empty()))
                .isEmpty();
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM occupied_period", Long.class))
                .isZero();
    }

    private AvailabilityViews.SpaceAvailability onMonday(Optional<ResourceKind> kind) {
        return availability.onDate(SPACE.value(), A_MONDAY, kind).orElseThrow();
    }

    private List<AvailabilityViews.FreePeriod> deskOne() {
        return onMonday(Optional.empty()).resources().stream()
                .filter(resource -> resource.resourceId().equals("desk-1"))
                .findFirst()
                .orElseThrow()
                .free();
    }

    private static ResourceAdded added(ResourceId id, ResourceKind kind, String name) {
        WeeklyOpeningHours weekdays = new WeeklyOpeningHours(List.of(DayOfWeek.values()).stream()
                .filter(day -> day.getValue() <= 5)
                .map(day -> new OpeningWindow(day, LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .toList());
        return new ResourceAdded(
                id,
                SPACE,
                new ResourceDescription(kind, name, 1),
                Money.of(600, "EUR"),
                weekdays,
                new BookingPolicy(
                        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(10), Duration.ofDays(90)));
    }

    private static BookingPlaced placed(String id, ResourceId resource, String start, String end) {
        return new BookingPlaced(
                new BookingId(id),
                resource,
                SPACE,
                new MemberId("mia"),
                monday(start, end),
                ZoneId.of("Europe/Amsterdam"),
                Money.of(600, "EUR"),
                CancellationPolicy.STANDARD);
    }

    /** A period on {@link #A_MONDAY}, in Amsterdam winter time. */
    private static Period monday(String start, String end) {
        return new Period(
                OffsetDateTime.parse("2026-12-07T" + start + "+01:00").toInstant(),
                OffsetDateTime.parse("2026-12-07T" + end + "+01:00").toInstant());
    }

    private static AvailabilityRange range(String from, String to) {
        return new AvailabilityRange(
                OffsetDateTime.parse(from).toInstant(), OffsetDateTime.parse(to).toInstant());
    }

    private static AvailabilityViews.FreePeriod free(String start, String end) {
        return new AvailabilityViews.FreePeriod(
                OffsetDateTime.parse("2026-12-07T" + start + "+01:00"),
                OffsetDateTime.parse("2026-12-07T" + end + "+01:00"));
    }
}
