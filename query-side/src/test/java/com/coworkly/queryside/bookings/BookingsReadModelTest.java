package com.coworkly.queryside.bookings;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SeriesId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.security.Role;
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bookings projection and its queries against PostgreSQL, without Spring: the SQL is what is tested. */
class BookingsReadModelTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final SpaceId SPACE = new SpaceId("space-1");
    private static final ResourceId DESK = new ResourceId("desk-1");
    private static final MemberId MIA = new MemberId("mia");
    private static final MemberId MAX = new MemberId("max");
    private static final Instant PLACED_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant CANCELLED_AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final MemberBookingsFilter EVERYTHING =
            new MemberBookingsFilter(Optional.empty(), Optional.empty(), Optional.empty());

    private static ReadModelDatabase database;
    private BookingsProjection projection;
    private BookingsQueries queries;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void emptyReadModel() {
        projection = new BookingsProjection(database.jdbc());
        queries = new BookingsQueries(database.jdbc());
        projection.reset();
    }

    @Test
    void aPlacedBookingAwaitsPaymentAndReadsInItsSpacesZone() {
        projection.on(placed("b1", MIA, "2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00"), PLACED_AT);

        BookingsViews.BookingView booking = queries.booking("b1").orElseThrow();

        assertThat(booking.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(booking.start()).isEqualTo(OffsetDateTime.parse("2026-12-07T09:00+01:00"));
        assertThat(booking.start().getOffset().getId()).isEqualTo("+01:00");
        assertThat(booking.end()).isEqualTo(OffsetDateTime.parse("2026-12-07T11:00+01:00"));
        assertThat(booking.timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(booking.price()).isEqualTo(1200);
        assertThat(booking.currency()).isEqualTo("EUR");
        assertThat(booking.cancellation()).isNull();
        assertThat(booking.seriesId()).isNull();
    }

    @Test
    void anOccurrenceOfASeriesNamesItsSeries() {
        BookingPlaced placed = placed("b1", MIA, "2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00");
        projection.on(
                new BookingPlaced(
                        placed.bookingId(),
                        placed.resourceId(),
                        placed.spaceId(),
                        placed.memberId(),
                        placed.period(),
                        placed.timeZone(),
                        placed.price(),
                        placed.cancellationPolicy(),
                        new SeriesId("series-1")),
                PLACED_AT);

        assertThat(queries.booking("b1").orElseThrow().seriesId()).isEqualTo("series-1");
    }

    @Test
    void aCancelledBookingTellsWhenByWhomWhyAndWhatItCost() {
        projection.on(placed("b1", MIA, "2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00"), PLACED_AT);
        projection.on(confirmed("b1"));
        projection.on(cancelled("b1"), CANCELLED_AT);

        BookingsViews.BookingView booking = queries.booking("b1").orElseThrow();

        assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking.cancellation())
                .isEqualTo(new BookingsViews.Cancellation(
                        OffsetDateTime.parse("2026-11-21T11:00+01:00"),
                        "mia",
                        "BY_MEMBER",
                        "plans changed",
                        600L,
                        600L));
    }

    @Test
    void redeliveredEventsDoNotReviveACancelledBooking() {
        BookingPlaced placed = placed("b1", MIA, "2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00");
        projection.on(placed, PLACED_AT);
        projection.on(cancelled("b1"), CANCELLED_AT);

        projection.on(placed, PLACED_AT);
        projection.on(confirmed("b1"));
        projection.on(new BookingExpired(new BookingId("b1"), DESK, SPACE, MIA, placed.period(), "payment failed"));

        assertThat(queries.booking("b1").orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void onlyAnUnpaidBookingExpiresAndAFinishedBookingStaysFinished() {
        projection.on(placed("b1", MIA, "2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00"), PLACED_AT);
        projection.on(placed("b2", MIA, "2026-12-08T09:00+01:00", "2026-12-08T11:00+01:00"), PLACED_AT);
        projection.on(confirmed("b2"));

        projection.on(new BookingExpired(
                new BookingId("b1"),
                DESK,
                SPACE,
                MIA,
                period("2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00"),
                "payment failed"));
        projection.on(new BookingExpired(
                new BookingId("b2"),
                DESK,
                SPACE,
                MIA,
                period("2026-12-08T09:00+01:00", "2026-12-08T11:00+01:00"),
                "payment failed"));
        projection.on(new BookingCompleted(new BookingId("b2"), DESK, SPACE, MIA));
        projection.on(cancelled("b2"), CANCELLED_AT);

        assertThat(queries.booking("b1").orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(queries.booking("b2").orElseThrow().status()).isEqualTo(BookingStatus.COMPLETED);
    }

    @Test
    void aMembersBookingsComeByStartThenIdAndPageStably() {
        projection.on(placed("b3", MIA, "2026-12-09T09:00+01:00", "2026-12-09T10:00+01:00"), PLACED_AT);
        projection.on(placed("b2", MIA, "2026-12-07T09:00+01:00", "2026-12-07T10:00+01:00"), PLACED_AT);
        projection.on(placed("b1", MIA, "2026-12-07T09:00+01:00", "2026-12-07T10:00+01:00"), PLACED_AT);
        projection.on(placed("other", MAX, "2026-12-07T08:00+01:00", "2026-12-07T10:00+01:00"), PLACED_AT);

        var first = queries.ofMember("mia", EVERYTHING, new PageRequest(0, 2));
        var second = queries.ofMember("mia", EVERYTHING, new PageRequest(1, 2));

        assertThat(first.items())
                .extracting(BookingsViews.BookingView::bookingId)
                .containsExactly("b1", "b2");
        assertThat(second.items())
                .extracting(BookingsViews.BookingView::bookingId)
                .containsExactly("b3");
        assertThat(first.totalItems()).isEqualTo(3);
        assertThat(first.totalPages()).isEqualTo(2);
    }

    @Test
    void aMembersBookingsFilterByStatusAndByOverlapWithARange() {
        projection.on(placed("monday", MIA, "2026-12-07T09:00+01:00", "2026-12-07T12:00+01:00"), PLACED_AT);
        projection.on(placed("tuesday", MIA, "2026-12-08T09:00+01:00", "2026-12-08T12:00+01:00"), PLACED_AT);
        projection.on(confirmed("tuesday"));

        assertThat(ids(new MemberBookingsFilter(
                        Optional.of(BookingStatus.CONFIRMED), Optional.empty(), Optional.empty())))
                .containsExactly("tuesday");
        assertThat(ids(new MemberBookingsFilter(
                        Optional.empty(), instant("2026-12-07T11:00+01:00"), instant("2026-12-08T09:00+01:00"))))
                .containsExactly("monday");
        assertThat(ids(new MemberBookingsFilter(Optional.empty(), instant("2026-12-07T12:00+01:00"), Optional.empty())))
                .containsExactly("tuesday");
        assertThat(ids(new MemberBookingsFilter(Optional.empty(), Optional.empty(), instant("2026-12-08T09:00+01:00"))))
                .containsExactly("monday");
    }

    @Test
    void aBookingIsReadByItsMemberTheSpacesManagersAdministratorsAndOperatorsOnly() {
        projection.on(placed("b1", MIA, "2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00"), PLACED_AT);
        projection.on(new ManagerGranted(SPACE, MAX));
        projection.on(new ManagerGranted(SPACE, MAX));
        BookingsViews.BookingView booking = queries.booking("b1").orElseThrow();
        BookingReaders readers = new BookingReaders(queries);

        assertThat(readers.mayRead(new CurrentCaller("mia", Set.of(Role.MEMBER)), booking))
                .isTrue();
        assertThat(readers.mayRead(new CurrentCaller("max", Set.of(Role.MEMBER, Role.MANAGER)), booking))
                .isTrue();
        assertThat(readers.mayRead(new CurrentCaller("ada", Set.of(Role.ADMIN)), booking))
                .isTrue();
        assertThat(readers.mayRead(new CurrentCaller("oscar", Set.of(Role.OPERATOR)), booking))
                .isTrue();
        assertThat(readers.mayRead(new CurrentCaller("zoe", Set.of(Role.MEMBER)), booking))
                .isFalse();
        assertThat(readers.mayRead(new CurrentCaller("other-manager", Set.of(Role.MANAGER)), booking))
                .isFalse();
    }

    @Test
    void aResetEmptiesTheReadModel() {
        projection.on(placed("b1", MIA, "2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00"), PLACED_AT);
        projection.on(new ManagerGranted(SPACE, MAX));

        projection.reset();

        assertThat(queries.booking("b1")).isEmpty();
        assertThat(queries.isManagerOf(SPACE.value(), MAX.value())).isFalse();
    }

    private List<String> ids(MemberBookingsFilter filter) {
        return queries.ofMember("mia", filter, new PageRequest(0, 20)).items().stream()
                .map(BookingsViews.BookingView::bookingId)
                .toList();
    }

    private static BookingPlaced placed(String id, MemberId member, String start, String end) {
        return new BookingPlaced(
                new BookingId(id),
                DESK,
                SPACE,
                member,
                period(start, end),
                AMSTERDAM,
                Money.of(1200, "EUR"),
                CancellationPolicy.STANDARD);
    }

    private static BookingConfirmed confirmed(String id) {
        return new BookingConfirmed(new BookingId(id), DESK, SPACE, MIA);
    }

    private static BookingCancelled cancelled(String id) {
        return new BookingCancelled(
                new BookingId(id),
                DESK,
                SPACE,
                MIA,
                period("2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00"),
                "mia",
                CancellationReason.BY_MEMBER,
                "plans changed",
                Money.of(600, "EUR"),
                Money.of(600, "EUR"));
    }

    private static Period period(String start, String end) {
        return new Period(
                OffsetDateTime.parse(start).toInstant(),
                OffsetDateTime.parse(end).toInstant());
    }

    private static Optional<Instant> instant(String dateTime) {
        return Optional.of(OffsetDateTime.parse(dateTime).toInstant());
    }
}
