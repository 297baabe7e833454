package com.coworkly.commandside.memberships;

import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.credits.GrantCredits;
import com.coworkly.commandside.plans.PlanCatalogue;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPaymentFailed;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSubscriptionOpened;
import com.coworkly.events.membership.MembershipSuspended;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.coworkly.commandside.catalogue.Refused.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class MembershipTest {

    private static final MembershipId MEMBERSHIP = new MembershipId("membership-mia");
    private static final MemberId MIA = new MemberId("member-mia");
    private static final PlanId FLEX = new PlanId("plan-flex");
    private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");
    private static final Period JANUARY =
            new Period(Instant.parse("2027-01-10T09:00:00Z"), Instant.parse("2027-02-10T09:00:00Z"));
    private static final Period FEBRUARY =
            new Period(Instant.parse("2027-02-10T09:00:00Z"), Instant.parse("2027-03-10T09:00:00Z"));
    private static final PlanTerms FLEX_TERMS = terms(9900, 600);
    private static final PlanId RESIDENT = new PlanId("plan-resident");
    private static final PlanTerms RESIDENT_TERMS = terms(24900, 4800);
    private static final PlanId DESK = new PlanId("plan-desk");

    private final Map<PlanId, PlanCatalogue.OnSale> plans = new HashMap<>();
    private final List<GrantCredits> grants = new ArrayList<>();
    private final Map<MemberId, MembershipId> live = new HashMap<>();
    private FixtureConfiguration<Membership> fixture;

    @BeforeEach
    void setUp() {
        plans.put(FLEX, new PlanCatalogue.OnSale(1, FLEX_TERMS, false));
        plans.put(RESIDENT, new PlanCatalogue.OnSale(2, RESIDENT_TERMS, false));
        plans.put(DESK, new PlanCatalogue.OnSale(1, terms(14900, 0), false));
        fixture = new AggregateTestFixture<>(Membership.class);
        fixture.registerInjectableResource((PlanCatalogue) plan -> Optional.ofNullable(plans.get(plan)));
        fixture.registerInjectableResource((PeriodCredits) grants::add);
        fixture.registerInjectableResource((LiveMemberships) member -> Optional.ofNullable(live.get(member)));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aMemberSubscribesToAPlanOnSaleAtItsNewestRevision() {
        plans.put(FLEX, new PlanCatalogue.OnSale(3, FLEX_TERMS, false));
        fixture.givenNoPriorActivity()
                .when(new Subscribe(MEMBERSHIP, MIA, FLEX), by(mia()))
                .expectEvents(new MembershipRequested(MEMBERSHIP, MIA, FLEX, 3, FLEX_TERMS));
    }

    @Test
    void aRetiredPlanTakesNoNewMembers() {
        plans.put(FLEX, new PlanCatalogue.OnSale(1, FLEX_TERMS, true));
        fixture.givenNoPriorActivity()
                .when(new Subscribe(MEMBERSHIP, MIA, FLEX), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("PLAN_RETIRED"));
    }

    @Test
    void anUnknownPlanIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new Subscribe(MEMBERSHIP, MIA, new PlanId("plan-none")), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("PLAN_NOT_FOUND"));
    }

    @Test
    void aMemberWithALiveMembershipCannotSubscribeAgain() {
        live.put(MIA, new MembershipId("membership-earlier"));
        fixture.givenNoPriorActivity()
                .when(new Subscribe(MEMBERSHIP, MIA, FLEX), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("ALREADY_SUBSCRIBED"));
    }

    @Test
    void nobodySubscribesAnotherMember() {
        fixture.givenNoPriorActivity()
                .when(new Subscribe(MEMBERSHIP, MIA, FLEX), by(new Actor("member-max", Set.of(Role.MEMBER))))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_MEMBERSHIP"));
    }

    @Test
    void aPaidPeriodGrantsItsCreditsUntilItsEnd() {
        fixture.given(requested())
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_1", JANUARY, Money.of(9900, "EUR")))
                .expectEvents(paid("in_1", JANUARY));
        assertThat(grants)
                .containsExactly(new GrantCredits(
                        CreditAccountId.ofMember(MIA),
                        "membership-membership-mia-invoice-in_1",
                        600,
                        Set.of(ResourceKind.MEETING_ROOM),
                        PlanCoverage.network(),
                        JANUARY.end(),
                        0));
    }

    @Test
    void aPlanThatRollsOverGrantsWithItsCap() {
        PlanTerms rollsOver = new PlanTerms(
                "Flex",
                Money.of(9900, "EUR"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.upTo(300),
                PlanCoverage.network(),
                false);
        plans.put(FLEX, new PlanCatalogue.OnSale(2, rollsOver, false));

        fixture.given(requested())
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_1", JANUARY, Money.of(9900, "EUR")))
                .expectSuccessfulHandlerExecution();
        assertThat(grants)
                .singleElement()
                .extracting(GrantCredits::rolloverCapMinutes)
                .isEqualTo(300L);
    }

    @Test
    void theSameInvoiceIsPaidOnce() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_1", JANUARY, Money.of(9900, "EUR")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(grants).isEmpty();
    }

    @Test
    void aRevisionOfThePlanCountsFromTheNextPaidPeriod() {
        plans.put(FLEX, new PlanCatalogue.OnSale(2, terms(10900, 900), false));
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_2", FEBRUARY, Money.of(10900, "EUR")))
                .expectEvents(new MembershipPeriodPaid(
                        MEMBERSHIP, MIA, "stripe", "in_2", FEBRUARY, Money.of(10900, "EUR"), 2, 900));
        assertThat(grants).singleElement().extracting(GrantCredits::minutes).isEqualTo(900L);
    }

    @Test
    void aFailedRenewalIsGivenAGracePeriodThenSuspends() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .andGivenCommands(new RecordRenewalFailed(MEMBERSHIP, "in_2"))
                .whenTimeAdvancesTo(NOW.plus(Membership.GRACE_PERIOD))
                .expectEvents(new MembershipSuspended(MEMBERSHIP, MIA, "in_2"));
    }

    @Test
    void aFailureRecordsItsGracePeriod() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new RecordRenewalFailed(MEMBERSHIP, "in_2"))
                .expectEvents(new MembershipPaymentFailed(MEMBERSHIP, MIA, "in_2", NOW.plus(Membership.GRACE_PERIOD)))
                .expectScheduledDeadlineWithName(NOW.plus(Membership.GRACE_PERIOD), Membership.GRACE);
    }

    @Test
    void aRenewalPaidWithinItsGraceIsNotSuspended() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .andGivenCommands(
                        new RecordRenewalFailed(MEMBERSHIP, "in_2"),
                        new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_2", FEBRUARY, Money.of(9900, "EUR")))
                .whenTimeAdvancesTo(NOW.plus(Membership.GRACE_PERIOD))
                .expectNoEvents();
    }

    @Test
    void aFailureNoticeThatComesAfterTheInvoiceWasPaidChangesNothing() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new RecordRenewalFailed(MEMBERSHIP, "in_1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCancelledMembershipRunsToTheEndOfThePeriodPaidFor() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new CancelMembership(MEMBERSHIP), by(mia()))
                .expectEvents(new MembershipCancellationScheduled(MEMBERSHIP, MIA, JANUARY.end()))
                .expectScheduledDeadlineWithName(JANUARY.end(), Membership.PERIOD_END);
    }

    @Test
    void itEndsWhenThatPeriodEnds() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .andGivenCommands(GenericCommandMessage.asCommandMessage(new CancelMembership(MEMBERSHIP))
                        .andMetaData(by(mia())))
                .whenTimeAdvancesTo(JANUARY.end())
                .expectEvents(new MembershipEnded(MEMBERSHIP, MIA, "cancelled by the member"));
    }

    @Test
    void aMembershipNeverPaidEndsAtOnceWhenCancelled() {
        fixture.given(requested())
                .when(new CancelMembership(MEMBERSHIP), by(mia()))
                .expectEvents(new MembershipEnded(MEMBERSHIP, MIA, "cancelled before its first period was paid"));
    }

    @Test
    void onlyItsMemberOrAnAdministratorCancelsIt() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new CancelMembership(MEMBERSHIP), by(new Actor("member-max", Set.of(Role.MEMBER))))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_MEMBERSHIP"));
    }

    @Test
    void anEndedMembershipIsNotCancelledAgainNorPaid() {
        fixture.given(requested(), paid("in_1", JANUARY), new MembershipEnded(MEMBERSHIP, MIA, "ended by stripe"))
                .when(new CancelMembership(MEMBERSHIP), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("MEMBERSHIP_ENDED"));
        fixture.given(requested(), paid("in_1", JANUARY), new MembershipEnded(MEMBERSHIP, MIA, "ended by stripe"))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_2", FEBRUARY, Money.of(9900, "EUR")))
                .expectNoEvents();
    }

    @Test
    void theProviderEndsItOnce() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new EndMembership(MEMBERSHIP, "subscription deleted at the provider"))
                .expectEvents(new MembershipEnded(MEMBERSHIP, MIA, "subscription deleted at the provider"));
        fixture.given(requested(), new MembershipEnded(MEMBERSHIP, MIA, "ended"))
                .when(new EndMembership(MEMBERSHIP, "subscription deleted at the provider"))
                .expectNoEvents();
    }

    @Test
    void theSubscriptionTheProviderOpenedIsRecordedOnce() {
        fixture.given(requested())
                .when(new RecordSubscriptionOpened(MEMBERSHIP, "stripe", "sub_1", "si_1"))
                .expectEvents(new MembershipSubscriptionOpened(MEMBERSHIP, MIA, "stripe", "sub_1", "si_1"));
        fixture.given(requested(), new MembershipSubscriptionOpened(MEMBERSHIP, MIA, "stripe", "sub_1", "si_1"))
                .when(new RecordSubscriptionOpened(MEMBERSHIP, "stripe", "sub_1", "si_1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLiveMembershipChangesPlanFromTheEndOfThePeriodPaidFor() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(mia()))
                .expectEvents(new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, RESIDENT, JANUARY.end()));
    }

    @Test
    void aPastDueMembershipChangesPlanToo() {
        fixture.given(requested(), paid("in_1", JANUARY), failed("in_2"))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(admin()))
                .expectEvents(new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, RESIDENT, JANUARY.end()));
    }

    @Test
    void theNextPaidPeriodTakesTheNewPlanAtItsNewestRevision() {
        fixture.given(requested(), paid("in_1", JANUARY), changeTo(RESIDENT))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_2", FEBRUARY, Money.of(24900, "EUR")))
                .expectEvents(
                        new MembershipPlanChanged(MEMBERSHIP, MIA, FLEX, RESIDENT, 2, RESIDENT_TERMS),
                        new MembershipPeriodPaid(
                                MEMBERSHIP, MIA, "stripe", "in_2", FEBRUARY, Money.of(24900, "EUR"), 2, 4800));
        assertThat(grants).singleElement().extracting(GrantCredits::minutes).isEqualTo(4800L);
    }

    @Test
    void theChangeIsMadeOnceAndLaterPeriodsStayOnTheNewPlan() {
        Period march = new Period(FEBRUARY.end(), Instant.parse("2027-04-10T08:00:00Z"));
        fixture.given(
                        requested(),
                        paid("in_1", JANUARY),
                        changeTo(RESIDENT),
                        new MembershipPlanChanged(MEMBERSHIP, MIA, FLEX, RESIDENT, 2, RESIDENT_TERMS),
                        new MembershipPeriodPaid(
                                MEMBERSHIP, MIA, "stripe", "in_2", FEBRUARY, Money.of(24900, "EUR"), 2, 4800))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_3", march, Money.of(24900, "EUR")))
                .expectEvents(new MembershipPeriodPaid(
                        MEMBERSHIP, MIA, "stripe", "in_3", march, Money.of(24900, "EUR"), 2, 4800));
    }

    @Test
    void aPeriodPaidWithinThePeriodOfTheRequestKeepsTheOldPlan() {
        Period restOfJanuary = new Period(Instant.parse("2027-01-20T09:00:00Z"), JANUARY.end());
        fixture.given(requested(), paid("in_1", JANUARY), changeTo(RESIDENT))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_1b", restOfJanuary, Money.of(9900, "EUR")))
                .expectEvents(new MembershipPeriodPaid(
                        MEMBERSHIP, MIA, "stripe", "in_1b", restOfJanuary, Money.of(9900, "EUR"), 1, 600));
    }

    @Test
    void askingAgainForTheScheduledChangeRecordsNothing() {
        fixture.given(requested(), paid("in_1", JANUARY), changeTo(RESIDENT))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(mia()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLaterChangeReplacesAnEarlierOne() {
        fixture.given(requested(), paid("in_1", JANUARY), changeTo(RESIDENT))
                .andGivenCommands(GenericCommandMessage.asCommandMessage(new ChangePlan(MEMBERSHIP, DESK))
                        .andMetaData(by(mia())))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_2", FEBRUARY, Money.of(14900, "EUR")))
                .expectEvents(
                        new MembershipPlanChanged(MEMBERSHIP, MIA, FLEX, DESK, 1, terms(14900, 0)),
                        new MembershipPeriodPaid(
                                MEMBERSHIP, MIA, "stripe", "in_2", FEBRUARY, Money.of(14900, "EUR"), 1, 0));
    }

    @Test
    void askingForThePlanItIsOnWithdrawsTheScheduledChange() {
        fixture.given(requested(), paid("in_1", JANUARY), changeTo(RESIDENT))
                .andGivenCommands(GenericCommandMessage.asCommandMessage(new ChangePlan(MEMBERSHIP, FLEX))
                        .andMetaData(by(mia())))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_2", FEBRUARY, Money.of(9900, "EUR")))
                .expectEvents(paid("in_2", FEBRUARY));
    }

    @Test
    void cannotChangeToThePlanItIsOn() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new ChangePlan(MEMBERSHIP, FLEX), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("ALREADY_ON_PLAN"));
    }

    @Test
    void cannotChangeToAnUnknownPlan() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new ChangePlan(MEMBERSHIP, new PlanId("plan-none")), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("PLAN_NOT_FOUND"));
    }

    @Test
    void cannotChangeToARetiredPlan() {
        plans.put(RESIDENT, new PlanCatalogue.OnSale(2, RESIDENT_TERMS, true));
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("PLAN_RETIRED"));
    }

    @Test
    void cannotChangeToAPlanInAnotherCurrency() {
        PlanTerms inFrancs = new PlanTerms(
                "Zurich",
                Money.of(9900, "CHF"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                PlanCoverage.network(),
                false);
        plans.put(RESIDENT, new PlanCatalogue.OnSale(1, inFrancs, false));
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("CURRENCY_MISMATCH"));
    }

    @Test
    void cannotChangePlanOfAMembershipNotYetPaidSuspendedOrCancelled() {
        fixture.given(requested())
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("MEMBERSHIP_NOT_LIVE"));
        fixture.given(
                        requested(),
                        paid("in_1", JANUARY),
                        failed("in_2"),
                        new MembershipSuspended(MEMBERSHIP, MIA, "in_2"))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("MEMBERSHIP_NOT_LIVE"));
        fixture.given(
                        requested(),
                        paid("in_1", JANUARY),
                        new MembershipCancellationScheduled(MEMBERSHIP, MIA, JANUARY.end()))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("MEMBERSHIP_NOT_LIVE"));
    }

    @Test
    void cannotChangePlanOfAnEndedMembership() {
        fixture.given(requested(), paid("in_1", JANUARY), new MembershipEnded(MEMBERSHIP, MIA, "ended by stripe"))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(mia()))
                .expectNoEvents()
                .expectException(refusedWith("MEMBERSHIP_ENDED"));
    }

    @Test
    void onlyItsMemberOrAnAdministratorChangesItsPlan() {
        fixture.given(requested(), paid("in_1", JANUARY))
                .when(new ChangePlan(MEMBERSHIP, RESIDENT), by(new Actor("member-max", Set.of(Role.MEMBER))))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_MEMBERSHIP"));
    }

    @Test
    void cancellingAfterAScheduledChangeDropsTheChange() {
        fixture.given(
                        requested(),
                        paid("in_1", JANUARY),
                        changeTo(RESIDENT),
                        new MembershipCancellationScheduled(MEMBERSHIP, MIA, JANUARY.end()))
                .when(new RecordPeriodPaid(MEMBERSHIP, "stripe", "in_2", FEBRUARY, Money.of(9900, "EUR")))
                .expectEvents(paid("in_2", FEBRUARY));
    }

    private static MembershipPlanChangeScheduled changeTo(PlanId plan) {
        return new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, plan, JANUARY.end());
    }

    private static MembershipPaymentFailed failed(String invoice) {
        return new MembershipPaymentFailed(MEMBERSHIP, MIA, invoice, NOW.plus(Membership.GRACE_PERIOD));
    }

    private static Actor admin() {
        return new Actor("admin", Set.of(Role.ADMIN));
    }

    private static MembershipRequested requested() {
        return new MembershipRequested(MEMBERSHIP, MIA, FLEX, 1, FLEX_TERMS);
    }

    private static MembershipPeriodPaid paid(String invoice, Period period) {
        return new MembershipPeriodPaid(MEMBERSHIP, MIA, "stripe", invoice, period, Money.of(9900, "EUR"), 1, 600);
    }

    private static PlanTerms terms(long price, long minutes) {
        return new PlanTerms(
                "Flex",
                Money.of(price, "EUR"),
                new CreditAllowance(minutes, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                PlanCoverage.network(),
                false);
    }

    private static Actor mia() {
        return new Actor(MIA.value(), Set.of(Role.MEMBER));
    }

    private static MetaData by(Actor actor) {
        return ActorMetaData.of(actor);
    }
}
