package com.coworkly.queryside.dashboards.figures;

import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingPaidWithCredits;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.credits.GrantShare;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanRevised;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.queryside.dashboards.DashboardHandlers;
import com.coworkly.queryside.dashboards.Granularity;
import com.coworkly.queryside.dashboards.figures.DashboardViews.AmountBucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.MembershipRevenue;
import com.coworkly.queryside.dashboards.figures.DashboardViews.ResourceFigures;
import com.coworkly.queryside.dashboards.figures.DashboardViews.SpaceDashboard;
import com.coworkly.queryside.support.ReadModelDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Membership revenue and credits spent on the dashboards, from the projection's handlers to the figures, against
 * PostgreSQL. The facts come from aggregates sequenced apart from the space, so each test also hands them over in an
 * order another segment could: the figures must not depend on it.
 */
class MembershipFiguresReadModelTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final SpaceId SPACE_A = new SpaceId("space-a");
    private static final SpaceId SPACE_B = new SpaceId("space-b");
    private static final SpaceId SPACE_C = new SpaceId("space-c");
    private static final ResourceId ROOM = new ResourceId("room-1");
    private static final ResourceId DESK = new ResourceId("desk-1");
    private static final MemberId MIA = new MemberId("mia");
    private static final LocalDate DECEMBER = LocalDate.parse("2026-12-01");
    private static final LocalDate NEXT_MARCH = LocalDate.parse("2027-03-01");

    private static ReadModelDatabase database;
    private DashboardHandlers projection;
    private SpaceDashboards dashboards;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void threeSpaces() {
        projection = DashboardHandlers.emptied(database.jdbc());
        dashboards = new SpaceDashboards(
                new DashboardQueries(database.jdbc(), new ObjectMapper().findAndRegisterModules()),
                new DashboardSums(database.jdbc()),
                new MembershipSums(database.jdbc()),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        for (SpaceId space : List.of(SPACE_A, SPACE_B, SPACE_C)) {
            deliver(spaceRegistered(space));
        }
        deliver(roomAdded(ROOM, ResourceKind.MEETING_ROOM), roomAdded(DESK, ResourceKind.DESK));
    }

    @Test
    void aPlanNamingSpacesSplitsItsFeeEquallyAndTheIndivisibleCentsGoToTheFirstSpacesById() {
        PlanId plan = new PlanId("plan-abc");
        deliver(
                new PlanDefined(plan, terms(10000, PlanCoverage.only(Set.of(SPACE_C, SPACE_A, SPACE_B)))),
                requested("m1", plan),
                paid("m1", "in_1", "2026-12-10T09:00:00Z", 10000, 1));

        assertThat(revenueOf(SPACE_A).total()).isEqualTo(3334);
        assertThat(revenueOf(SPACE_B).total()).isEqualTo(3333);
        assertThat(revenueOf(SPACE_C).total()).isEqualTo(3333);
    }

    @Test
    void aCompanyPlansPeriodFeeIsMembershipRevenueOfTheSpacesItsPlanCoversOnce() {
        PlanId plan = new PlanId("plan-team");
        Period december = new Period(Instant.parse("2026-12-10T09:00:00Z"), Instant.parse("2027-01-10T09:00:00Z"));
        CompanyPlanPeriodStarted started = new CompanyPlanPeriodStarted(
                new CompanyId("acme"), plan, 1, 1, december, 3, Money.of(45000, "EUR"), 1800, "grant-1");
        deliver(started, started, new PlanDefined(plan, terms(15000, PlanCoverage.only(Set.of(SPACE_A, SPACE_B)))));

        assertThat(revenueOf(SPACE_A).total()).isEqualTo(22500);
        assertThat(revenueOf(SPACE_B).total()).isEqualTo(22500);
        assertThat(revenueOf(SPACE_C).total()).isZero();
    }

    @Test
    void aFeeCountsInTheMonthItsPeriodStartsInTheSpacesZoneUnderTheRevisionItWasPaidAt() {
        PlanId plan = new PlanId("plan-moves");
        deliver(
                requested("m1", plan),
                // 31 December 23:30 UTC is already January in Amsterdam.
                paid("m1", "in_1", "2026-12-31T23:30:00Z", 9900, 1),
                paid("m1", "in_2", "2027-02-01T09:00:00Z", 10900, 2),
                // The plan's revisions come from another aggregate, here after the fees, as another segment may.
                new PlanDefined(plan, terms(9900, PlanCoverage.only(Set.of(SPACE_A)))),
                new PlanRevised(plan, 2, terms(10900, PlanCoverage.only(Set.of(SPACE_B)))));

        assertThat(revenueOf(SPACE_A).buckets())
                .extracting(AmountBucket::start, AmountBucket::amount)
                .containsExactly(
                        tuple(DECEMBER, 0L),
                        tuple(LocalDate.parse("2027-01-01"), 9900L),
                        tuple(LocalDate.parse("2027-02-01"), 0L));
        assertThat(revenueOf(SPACE_B).total()).isEqualTo(10900);
        assertThat(revenueOf(SPACE_B).currency()).isEqualTo("EUR");
    }

    @Test
    void aPlanForTheWholeNetworkIsOnTheNetworksSummaryOnly() {
        PlanId plan = new PlanId("plan-network");
        deliver(
                new PlanDefined(plan, terms(24900, PlanCoverage.network())),
                requested("m1", plan),
                paid("m1", "in_1", "2026-12-10T09:00:00Z", 24900, 1),
                paid("m1", "in_1", "2026-12-10T09:00:00Z", 24900, 1));

        assertThat(revenueOf(SPACE_A).total()).isZero();
        assertThat(dashboards.networkPlanRevenue(DECEMBER, NEXT_MARCH, Granularity.MONTH))
                .extracting(MembershipRevenue::currency, MembershipRevenue::total)
                .containsExactly(tuple("EUR", 24900L));
    }

    @Test
    void creditsSpentCountPerResourceLessWhatCameBackOnTheDayTheBookingStarts() {
        String returned = UUID.randomUUID().toString();
        deliver(placed("b1", ROOM, "2026-12-14T09:00:00Z"), credits("b1", 120), confirmed("b1", ROOM));
        deliver(placed("b2", ROOM, "2026-12-15T09:00:00Z"), credits("b2", 120));
        deliver(placed("b3", DESK, "2026-12-16T09:00:00Z"), credits("b3", 90), confirmed("b3", DESK));
        // A late cancellation of b2 gave 60 of its 120 minutes back; delivered twice, it counts once.
        projection.handle(returnedTo("b2", 60), returned, Instant.parse("2026-12-10T00:00:00Z"));
        projection.handle(returnedTo("b2", 60), returned, Instant.parse("2026-12-10T00:00:00Z"));

        SpaceDashboard dashboard = dashboards.of(SPACE_A.value(), DECEMBER, NEXT_MARCH, Granularity.MONTH);

        assertThat(dashboard.resources())
                .extracting(ResourceFigures::resourceId, ResourceFigures::creditMinutes)
                .containsExactlyInAnyOrder(tuple(ROOM.value(), 180L), tuple(DESK.value(), 90L));
        assertThat(dashboard.creditMinutes()).isEqualTo(270);
        assertThat(dashboards
                        .of(SPACE_A.value(), LocalDate.parse("2026-12-15"), NEXT_MARCH, Granularity.MONTH)
                        .creditMinutes())
                .isEqualTo(60 + 90);
    }

    @Test
    void aReturnHandedOverBeforeItsBookingCountsAllTheSame() {
        projection.handle(returnedTo("b1", 120), UUID.randomUUID().toString(), Instant.parse("2026-12-10T00:00:00Z"));
        deliver(credits("b1", 120), placed("b1", ROOM, "2026-12-14T09:00:00Z"));

        assertThat(dashboards
                        .of(SPACE_A.value(), DECEMBER, NEXT_MARCH, Granularity.MONTH)
                        .creditMinutes())
                .isZero();
    }

    @Test
    void aCompanysMonthlyInvoiceAddsEachLineToTheRevenueOfItsBookingsDay() {
        deliver(placed("b1", ROOM, "2026-12-14T09:00:00Z"), confirmed("b1", ROOM));
        deliver(placed("b2", DESK, "2026-12-16T09:00:00Z"), confirmed("b2", DESK));
        deliver(companyInvoice(InvoiceKind.INVOICE, line("b1", 1000), line("b2", 500), line("not-a-booking", 99)));
        deliver(companyInvoice(InvoiceKind.CREDIT_NOTE, line("b2", 500)));

        SpaceDashboard dashboard = dashboards.of(SPACE_A.value(), DECEMBER, NEXT_MARCH, Granularity.MONTH);

        assertThat(dashboard.totals().revenue().net()).isEqualTo(1000);
        assertThat(dashboard.totals().revenue().gross()).isEqualTo(1210);
        assertThat(dashboards
                        .of(SPACE_A.value(), LocalDate.parse("2026-12-15"), NEXT_MARCH, Granularity.MONTH)
                        .totals()
                        .revenue()
                        .net())
                .as("b2's line and its credit note cancel out on b2's day")
                .isZero();
    }

    private static InvoiceLine line(String booking, long net) {
        long vat = net * 21 / 100;
        return new InvoiceLine(
                "Booking " + booking,
                Money.of(net, "EUR"),
                Money.of(vat, "EUR"),
                Money.of(net + vat, "EUR"),
                1,
                Money.of(net, "EUR"),
                DECEMBER,
                new BookingId(booking));
    }

    private static InvoiceIssued companyInvoice(InvoiceKind kind, InvoiceLine... lines) {
        Money net = Money.of(
                Arrays.stream(lines).mapToLong(line -> line.net().minorUnits()).sum(), "EUR");
        Money vat = Money.of(
                Arrays.stream(lines).mapToLong(line -> line.vat().minorUnits()).sum(), "EUR");
        return new InvoiceIssued(
                null,
                UUID.randomUUID().toString(),
                kind,
                "ACME-2027-000001",
                SPACE_A,
                null,
                LocalDate.parse("2027-01-01"),
                new BigDecimal("21.00"),
                List.of(lines),
                net,
                vat,
                net.plus(vat),
                null,
                null,
                null,
                null,
                new CompanyId("acme"));
    }

    private MembershipRevenue revenueOf(SpaceId space) {
        return dashboards
                .of(space.value(), DECEMBER, NEXT_MARCH, Granularity.MONTH)
                .membershipRevenue();
    }

    private void deliver(Object... events) {
        for (Object event : events) {
            projection.handle(event, UUID.randomUUID().toString(), Instant.parse("2026-11-30T10:00:00Z"));
        }
    }

    private static PlanTerms terms(long fee, PlanCoverage coverage) {
        return new PlanTerms(
                "Flex",
                Money.of(fee, "EUR"),
                CreditAllowance.of(Duration.ofHours(10), Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                coverage,
                false);
    }

    private static MembershipRequested requested(String membership, PlanId plan) {
        return new MembershipRequested(new MembershipId(membership), MIA, plan, 1, terms(9900, PlanCoverage.network()));
    }

    private static MembershipPeriodPaid paid(String membership, String invoice, String start, long fee, int revision) {
        Instant from = Instant.parse(start);
        return new MembershipPeriodPaid(
                new MembershipId(membership),
                MIA,
                "stripe",
                invoice,
                new Period(from, from.plus(Duration.ofDays(30))),
                Money.of(fee, "EUR"),
                revision,
                600);
    }

    private static SpaceRegistered spaceRegistered(SpaceId space) {
        return new SpaceRegistered(
                space,
                "Space " + space.value(),
                AMSTERDAM,
                Currency.getInstance("EUR"),
                new BigDecimal("21.00"),
                CancellationPolicy.STANDARD,
                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                Duration.ofHours(24));
    }

    private static ResourceAdded roomAdded(ResourceId resource, ResourceKind kind) {
        WeeklyOpeningHours always = new WeeklyOpeningHours(Arrays.stream(DayOfWeek.values())
                .map(day -> new OpeningWindow(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
                .toList());
        return new ResourceAdded(
                resource,
                SPACE_A,
                new ResourceDescription(kind, "Resource " + resource.value(), 1),
                Money.of(600, "EUR"),
                always,
                new BookingPolicy(
                        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(90)));
    }

    private static BookingPlaced placed(String booking, ResourceId resource, String start) {
        Instant from = Instant.parse(start);
        return new BookingPlaced(
                new BookingId(booking),
                resource,
                SPACE_A,
                MIA,
                new Period(from, from.plus(Duration.ofHours(2))),
                AMSTERDAM,
                Money.of(0, "EUR"),
                CancellationPolicy.STANDARD);
    }

    private static BookingPaidWithCredits credits(String booking, long minutes) {
        return new BookingPaidWithCredits(
                new BookingId(booking), MIA, minutes, Money.of(1200, "EUR"), Money.of(1200, "EUR"));
    }

    private static BookingConfirmed confirmed(String booking, ResourceId resource) {
        return new BookingConfirmed(new BookingId(booking), resource, SPACE_A, MIA);
    }

    private static CreditsReturned returnedTo(String booking, long minutes) {
        return new CreditsReturned(
                CreditAccountId.ofMember(MIA),
                new BookingId(booking),
                List.of(new GrantShare("membership-m1-invoice-in_1", minutes)),
                List.of());
    }
}
