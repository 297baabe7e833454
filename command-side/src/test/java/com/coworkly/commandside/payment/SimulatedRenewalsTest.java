package com.coworkly.commandside.payment;

import com.coworkly.commandside.memberships.RecordPeriodPaid;
import com.coworkly.commandside.plans.PlanCatalogue;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSubscriptionOpened;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanTerms;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class SimulatedRenewalsTest {

    private static final MembershipId MEMBERSHIP = new MembershipId("membership-mia");
    private static final MemberId MIA = new MemberId("member-mia");
    private static final PlanId FLEX = new PlanId("plan-flex");
    private static final PlanId RESIDENT = new PlanId("plan-resident");
    private static final Instant START = Instant.parse("2027-01-31T09:00:00Z");
    private static final Period JANUARY = new Period(START, Instant.parse("2027-02-28T09:00:00Z"));
    private static final Period FEBRUARY = new Period(JANUARY.end(), Instant.parse("2027-03-28T09:00:00Z"));

    private final Map<PlanId, PlanCatalogue.OnSale> plans = Map.of(
            FLEX, new PlanCatalogue.OnSale(3, terms(9900), false),
            RESIDENT, new PlanCatalogue.OnSale(1, terms(24900), false));
    private SagaTestFixture<SimulatedRenewals> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SimulatedRenewals.class);
        fixture.registerResource(new SimulatedBillingCalendar("", "P1M"));
        fixture.registerResource((PlanCatalogue) plan -> Optional.ofNullable(plans.get(plan)));
    }

    @Test
    void aPaidSimulatedPeriodIsRenewedWhenItEnds() {
        fixture.givenAggregate(MEMBERSHIP.value())
                .published(requested(), opened("simulated"))
                .whenAggregate(MEMBERSHIP.value())
                .publishes(paid("simulated", JANUARY))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(JANUARY.end(), SimulatedRenewals.RENEWAL);
    }

    @Test
    void theRenewalRecordsTheNextPeriodPaidAtThePlansNewestPrice() {
        fixture.givenAggregate(MEMBERSHIP.value())
                .published(requested(), opened("simulated"), paid("simulated", JANUARY))
                .whenTimeAdvancesTo(JANUARY.end())
                .expectDispatchedCommands(new RecordPeriodPaid(
                        MEMBERSHIP,
                        "simulated",
                        "sim_in_" + MEMBERSHIP + "_" + JANUARY.end().getEpochSecond(),
                        FEBRUARY,
                        Money.of(9900, "EUR")));
    }

    @Test
    void aScheduledPlanChangeIsBilledAtTheNewPlansPrice() {
        fixture.givenAggregate(MEMBERSHIP.value())
                .published(
                        requested(),
                        opened("simulated"),
                        paid("simulated", JANUARY),
                        new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, RESIDENT, JANUARY.end()))
                .whenTimeAdvancesTo(JANUARY.end())
                .expectDispatchedCommands(new RecordPeriodPaid(
                        MEMBERSHIP,
                        "simulated",
                        "sim_in_" + MEMBERSHIP + "_" + JANUARY.end().getEpochSecond(),
                        FEBRUARY,
                        Money.of(24900, "EUR")));
    }

    @Test
    void aCancelledMembershipIsNotRenewed() {
        fixture.givenAggregate(MEMBERSHIP.value())
                .published(
                        requested(),
                        opened("simulated"),
                        paid("simulated", JANUARY),
                        new MembershipCancellationScheduled(MEMBERSHIP, MIA, JANUARY.end()))
                .whenTimeAdvancesTo(JANUARY.end())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void anEndedMembershipIsNotRenewed() {
        fixture.givenAggregate(MEMBERSHIP.value())
                .published(
                        requested(),
                        opened("simulated"),
                        paid("simulated", JANUARY),
                        new MembershipEnded(MEMBERSHIP, MIA, "ended"))
                .whenTimeAdvancesTo(JANUARY.end())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void theDemosSeededPeriodRenewsInTheSimulationToo() {
        fixture.givenAggregate(MEMBERSHIP.value())
                .published(requested())
                .whenAggregate(MEMBERSHIP.value())
                .publishes(paid("demo-seed", JANUARY))
                .expectScheduledDeadlineWithName(JANUARY.end(), SimulatedRenewals.RENEWAL);
    }

    @Test
    void aSubscriptionAtStripeIsLeftToStripe() {
        fixture.givenAggregate(MEMBERSHIP.value())
                .published(requested())
                .whenAggregate(MEMBERSHIP.value())
                .publishes(opened("stripe"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void withAStripeKeyNothingIsSimulated() {
        fixture = new SagaTestFixture<>(SimulatedRenewals.class);
        fixture.registerResource(new SimulatedBillingCalendar("sk_live", "P1M"));
        fixture.registerResource((PlanCatalogue) plan -> Optional.ofNullable(plans.get(plan)));
        fixture.givenNoPriorActivity()
                .whenAggregate(MEMBERSHIP.value())
                .publishes(requested())
                .expectActiveSagas(0);
    }

    private static MembershipRequested requested() {
        return new MembershipRequested(MEMBERSHIP, MIA, FLEX, 1, terms(9900));
    }

    private static MembershipSubscriptionOpened opened(String provider) {
        return new MembershipSubscriptionOpened(MEMBERSHIP, MIA, provider, "sub_" + MEMBERSHIP, "si_" + MEMBERSHIP);
    }

    private static MembershipPeriodPaid paid(String provider, Period period) {
        return new MembershipPeriodPaid(
                MEMBERSHIP, MIA, provider, "in_" + period.start(), period, Money.of(9900, "EUR"), 1, 600);
    }

    private static PlanTerms terms(long price) {
        return new PlanTerms(
                "Flex",
                Money.of(price, "EUR"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                PlanCoverage.network(),
                false);
    }
}
