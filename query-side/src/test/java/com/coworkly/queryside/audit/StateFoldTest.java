package com.coworkly.queryside.audit;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.booking.PaymentRequested;
import com.coworkly.events.booking.RefundIssued;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.BookingQuotasChanged;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.ResourceRepriced;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.company.CompanyPlanCancelled;
import com.coworkly.events.company.CompanyPlanEnded;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.company.CompanyPlanSubscribed;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.events.companybilling.CompanyBillClosed;
import com.coworkly.events.companybilling.CompanyBillOpened;
import com.coworkly.events.companybilling.CompanyBookingCharged;
import com.coworkly.events.companybilling.CompanyChargeReduced;
import com.coworkly.events.companybilling.CompanyFeeCharged;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSubscriptionOpened;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanRetired;
import com.coworkly.events.membership.PlanRevised;
import com.coworkly.events.membership.PlanTerms;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StateFoldTest {

    static final SpaceId SPACE = new SpaceId("space-1");
    static final ResourceId RESOURCE = new ResourceId("resource-1");
    static final MemberId MEMBER = new MemberId("member-1");
    static final BookingId BOOKING = new BookingId("booking-1");
    static final Period MORNING =
            new Period(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));
    static final Money PRICE = Money.of(1200, "EUR");

    static BookingPlaced aPlacedBooking() {
        return new BookingPlaced(
                BOOKING,
                RESOURCE,
                SPACE,
                MEMBER,
                MORNING,
                ZoneId.of("Europe/Amsterdam"),
                PRICE,
                CancellationPolicy.STANDARD);
    }

    static BookingConfirmed itsConfirmation() {
        return new BookingConfirmed(BOOKING, RESOURCE, SPACE, MEMBER);
    }

    static BookingCancelled itsCancellation() {
        return new BookingCancelled(
                BOOKING,
                RESOURCE,
                SPACE,
                MEMBER,
                MORNING,
                "manager-1",
                CancellationReason.MAINTENANCE,
                null,
                Money.of(0, "EUR"),
                PRICE);
    }

    private static Map<String, Object> fold(StateFold fold, Object... events) {
        for (Object event : events) {
            fold.apply(event);
        }
        return fold.view();
    }

    @Test
    void aPlacedBookingWaitsForItsPayment() {
        Map<String, Object> state =
                fold(new BookingFold(), aPlacedBooking(), new PaymentRequested(BOOKING, "simulated", "pi_1", PRICE));

        assertThat(state)
                .containsEntry("status", "PENDING_PAYMENT")
                .containsEntry("price", PRICE)
                .containsEntry("period", MORNING)
                .containsEntry("memberId", "member-1");
        assertThat(state.get("payment"))
                .isEqualTo(BookingFold.fields("provider", "simulated", "paymentId", "pi_1", "amount", PRICE));
    }

    @Test
    void aPaidBookingIsConfirmed() {
        assertThat(fold(new BookingFold(), aPlacedBooking(), itsConfirmation())).containsEntry("status", "CONFIRMED");
    }

    @Test
    void aCancelledBookingSaysWhoCancelledItWhyAndWhatWasRefunded() {
        Map<String, Object> state = fold(
                new BookingFold(),
                aPlacedBooking(),
                itsConfirmation(),
                itsCancellation(),
                new RefundIssued(BOOKING, "simulated", "re_1", PRICE));

        assertThat(state).containsEntry("status", "CANCELLED");
        assertThat(state.get("cancellation"))
                .isEqualTo(BookingFold.fields(
                        "cancelledBy",
                        "manager-1",
                        "reason",
                        CancellationReason.MAINTENANCE,
                        "note",
                        null,
                        "fee",
                        Money.of(0, "EUR"),
                        "refund",
                        PRICE));
        assertThat(state.get("refunds"))
                .isEqualTo(List.of(BookingFold.fields("provider", "simulated", "refundId", "re_1", "amount", PRICE)));
    }

    @Test
    void anUnpaidBookingExpiresWithItsReason() {
        Map<String, Object> state = fold(
                new BookingFold(),
                aPlacedBooking(),
                new BookingExpired(BOOKING, RESOURCE, SPACE, MEMBER, MORNING, "payment hold ran out"));

        assertThat(state)
                .containsEntry("status", "EXPIRED")
                .containsEntry("expiry", Map.of("reason", "payment hold ran out"));
    }

    @Test
    void aResourceKeepsItsLatestPriceAndOnlyItsLiveBlocks() {
        BlockId lifted = new BlockId("block-1");
        BlockId kept = new BlockId("block-2");
        Map<String, Object> state = fold(
                new ResourceFold(),
                new ResourceAdded(
                        RESOURCE,
                        SPACE,
                        new ResourceDescription(ResourceKind.DESK, "Desk", 1),
                        Money.of(600, "EUR"),
                        new WeeklyOpeningHours(
                                List.of(new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)))),
                        new BookingPolicy(
                                Duration.ofMinutes(30),
                                Duration.ofMinutes(30),
                                Duration.ofHours(8),
                                Duration.ofDays(90))),
                new ResourceRepriced(RESOURCE, SPACE, Money.of(700, "EUR")),
                new ResourceBlocked(RESOURCE, SPACE, lifted, MORNING, "Carpet"),
                new ResourceBlocked(RESOURCE, SPACE, kept, MORNING, "Paint"),
                new BlockRemoved(RESOURCE, SPACE, lifted, MORNING),
                new ResourceRetired(RESOURCE, SPACE));

        assertThat(state).containsEntry("hourlyPrice", Money.of(700, "EUR")).containsEntry("retired", true);
        assertThat(state.get("blocks"))
                .isEqualTo(List.of(BookingFold.fields("blockId", "block-2", "period", MORNING, "reason", "Paint")));
    }

    @Test
    void aSpaceKnowsTheManagersGrantedToIt() {
        SpaceFold space = new SpaceFold();
        fold(
                space,
                new SpaceRegistered(
                        SPACE,
                        "Central",
                        ZoneId.of("Europe/Amsterdam"),
                        Currency.getInstance("EUR"),
                        new BigDecimal("21"),
                        CancellationPolicy.STANDARD,
                        new Address("Main 1", "1000 AA", "Amsterdam", "NL"),
                        Duration.ofHours(24)),
                new ManagerGranted(SPACE, new MemberId("manager-1")),
                new BookingQuotasChanged(SPACE, new BookingQuotas(Duration.ofHours(2), null, null)));

        assertThat(space.isManagedBy("manager-1")).isTrue();
        assertThat(space.isManagedBy("member-1")).isFalse();
        assertThat(space.view())
                .containsEntry("name", "Central")
                .containsEntry("managers", List.of("manager-1"))
                .containsEntry("quotas", new BookingQuotas(Duration.ofHours(2), null, null));
    }

    @Test
    void aPlanShowsItsNewestRevisionAndWhetherItIsRetired() {
        PlanId plan = new PlanId("plan-1");
        PlanTerms first = new PlanTerms(
                "Flex",
                Money.of(9900, "EUR"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                PlanCoverage.network(),
                false);
        PlanTerms second = new PlanTerms(
                "Flex", Money.of(10900, "EUR"), first.credits(), first.rollover(), first.coverage(), false);

        Map<String, Object> state = fold(
                new PlanFold(), new PlanDefined(plan, first), new PlanRevised(plan, 2, second), new PlanRetired(plan));

        assertThat(state)
                .containsEntry("planId", "plan-1")
                .containsEntry("revision", 2)
                .containsEntry("terms", second)
                .containsEntry("retired", true);
        assertThat(StateFold.forAggregateType("Plan")).isPresent();
        assertThat(StateFold.forAggregateType("Company")).isPresent();
    }

    @Test
    void aCompanyBillShowsWhatEachBookingStillChargesAndTheDocumentsItIssued() {
        CompanyId acme = new CompanyId("acme");
        BookingId kept = new BookingId("booking-kept");
        BookingId cancelled = new BookingId("booking-cancelled");
        LocalDate day = LocalDate.of(2026, 12, 7);
        Map<String, Object> state = fold(
                new CompanyBillFold(),
                new CompanyBillOpened(
                        "bill-1",
                        acme,
                        SPACE,
                        "2026-12",
                        ZoneId.of("Europe/Amsterdam"),
                        Instant.parse("2026-12-31T23:00:00Z")),
                new CompanyBookingCharged(
                        "bill-1", kept, new MemberId("m"), new ResourceId("r"), "p", day, Money.of(1800, "EUR")),
                new CompanyBookingCharged(
                        "bill-1", cancelled, new MemberId("m"), new ResourceId("r"), "p", day, Money.of(1800, "EUR")),
                new CompanyFeeCharged("bill-1", "plan-1-period-1", "Plan Team", day, Money.of(30000, "EUR")),
                new CompanyChargeReduced("bill-1", cancelled, Money.of(900, "EUR")),
                new CompanyBillClosed("bill-1", acme, "invoice-1"));

        assertThat(state)
                .containsEntry("fees", Map.of("plan-1-period-1", 30000L))
                .containsEntry("status", "CLOSED")
                .containsEntry("invoiceId", "invoice-1")
                .containsEntry("charges", Map.of("booking-kept", 1800L, "booking-cancelled", 900L));
        assertThat(StateFold.forAggregateType("CompanyBill")).isPresent();
    }

    @Test
    void aCompanyShowsThePlanItHoldsUntilItEnds() {
        CompanyId acme = new CompanyId("acme");
        PlanTerms team = new PlanTerms(
                "Team",
                Money.of(15000, "EUR"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                PlanCoverage.network(),
                false);
        Period january = new Period(Instant.parse("2026-01-01T09:00:00Z"), Instant.parse("2026-02-01T09:00:00Z"));
        Object[] history = {
            new CompanyRegistered(acme, "Acme B.V.", new Address("Damrak 1", "1012 LG", "Amsterdam", "NL"), null),
            new CompanyPlanSubscribed(
                    acme, new PlanId("team"), 1, team, SPACE, ZoneId.of("Europe/Amsterdam"), january.start()),
            new CompanyPlanPeriodStarted(
                    acme, new PlanId("team"), 1, 1, january, 2, Money.of(30000, "EUR"), 1200, "grant-1"),
            new CompanyPlanCancelled(acme, january.end())
        };

        @SuppressWarnings("unchecked")
        Map<String, Object> plan =
                (Map<String, Object>) fold(new CompanyFold(), history).get("plan");
        assertThat(plan)
                .containsEntry("planId", "team")
                .containsEntry("period", january)
                .containsEntry("seats", 2)
                .containsEntry("poolMinutes", 1200L)
                .containsEntry("endsAt", january.end());

        Object[] ended = java.util.Arrays.copyOf(history, history.length + 1);
        ended[history.length] = new CompanyPlanEnded(acme, new PlanId("team"), january.end());
        assertThat(fold(new CompanyFold(), ended)).containsEntry("plan", null);
    }

    @Test
    void aMembershipShowsItsSubscriptionAndTheNextPlanUntilItIsTaken() {
        MembershipId membership = new MembershipId("membership-1");
        MemberId member = new MemberId("member-1");
        PlanTerms flex = new PlanTerms(
                "Flex",
                Money.of(9900, "EUR"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                PlanCoverage.network(),
                false);
        MembershipRequested requested = new MembershipRequested(membership, member, new PlanId("flex"), 1, flex);
        MembershipSubscriptionOpened opened =
                new MembershipSubscriptionOpened(membership, member, "stripe", "sub_1", "si_1");
        MembershipPlanChangeScheduled scheduled = new MembershipPlanChangeScheduled(
                membership, member, new PlanId("resident"), Instant.parse("2027-02-10T09:00:00Z"));

        assertThat(fold(new MembershipFold(), requested, opened, scheduled))
                .containsEntry("subscriptionId", "sub_1")
                .containsEntry("nextPlanId", "resident");
        assertThat(fold(
                        new MembershipFold(),
                        requested,
                        opened,
                        scheduled,
                        new MembershipPlanChanged(
                                membership, member, new PlanId("flex"), new PlanId("resident"), 3, flex)))
                .containsEntry("planId", "resident")
                .containsEntry("planRevision", 3)
                .doesNotContainKey("nextPlanId");
    }
}
