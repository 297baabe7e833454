package com.coworkly.commandside.plans;

import com.coworkly.commandside.catalogue.SpaceDirectoryStub;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanRetired;
import com.coworkly.events.membership.PlanRevised;
import com.coworkly.events.membership.PlanTerms;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;

import static com.coworkly.commandside.catalogue.Refused.refusedWith;

class PlanTest {

    private static final PlanId FLEX = new PlanId("plan-flex");
    private static final SpaceId CENTRAL = new SpaceId("space-central");
    private static final SpaceId LONDON = new SpaceId("space-london");
    private static final SpaceId NOWHERE = new SpaceId("space-nowhere");

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(new SpaceDirectoryStub()
                .withSpace(CENTRAL, termsIn("EUR"), new MemberId("member-manager"))
                .withSpace(LONDON, termsIn("GBP"), new MemberId("member-manager")));
    }

    @Test
    void anAdministratorDefinesAPlanForSpacesInItsCurrency() {
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(FLEX, flex(PlanCoverage.only(Set.of(CENTRAL)))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanDefined(FLEX, flex(PlanCoverage.only(Set.of(CENTRAL)))));
    }

    @Test
    void aPlanForTheWholeNetworkNamesNoSpace() {
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(FLEX, flex(PlanCoverage.network())))
                .expectEvents(new PlanDefined(FLEX, flex(PlanCoverage.network())));
    }

    @Test
    void aPlanCannotCoverASpaceThatPricesInAnotherCurrency() {
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(FLEX, flex(PlanCoverage.only(Set.of(CENTRAL, LONDON)))))
                .expectNoEvents()
                .expectException(refusedWith("CURRENCY_MISMATCH"));
    }

    @Test
    void aPlanCannotCoverASpaceThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(FLEX, flex(PlanCoverage.only(Set.of(NOWHERE)))))
                .expectNoEvents()
                .expectException(refusedWith("SPACE_NOT_FOUND"));
    }

    @Test
    void aRevisionIsNumberedAfterTheOneBefore() {
        fixture.given(
                        new PlanDefined(FLEX, flex(PlanCoverage.network())),
                        new PlanRevised(FLEX, 2, withPrice(flex(PlanCoverage.network()), 10900)))
                .when(new RevisePlan(FLEX, withPrice(flex(PlanCoverage.network()), 11900)))
                .expectEvents(new PlanRevised(FLEX, 3, withPrice(flex(PlanCoverage.network()), 11900)));
    }

    @Test
    void theSameTermsAgainAreNoRevision() {
        fixture.given(new PlanDefined(FLEX, flex(PlanCoverage.network())))
                .when(new RevisePlan(FLEX, flex(PlanCoverage.network())))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPlanKeepsItsCurrency() {
        PlanTerms inPounds = new PlanTerms(
                "Flex", Money.of(9900, "GBP"), tenRoomHours(), CreditRollover.NONE, PlanCoverage.network(), false);
        fixture.given(new PlanDefined(FLEX, flex(PlanCoverage.network())))
                .when(new RevisePlan(FLEX, inPounds))
                .expectNoEvents()
                .expectException(refusedWith("CURRENCY_MISMATCH"));
    }

    @Test
    void aRevisionChecksTheSpacesItNames() {
        fixture.given(new PlanDefined(FLEX, flex(PlanCoverage.network())))
                .when(new RevisePlan(FLEX, flex(PlanCoverage.only(Set.of(LONDON)))))
                .expectNoEvents()
                .expectException(refusedWith("CURRENCY_MISMATCH"));
    }

    @Test
    void aRetiredPlanIsNotRevised() {
        fixture.given(new PlanDefined(FLEX, flex(PlanCoverage.network())), new PlanRetired(FLEX))
                .when(new RevisePlan(FLEX, withPrice(flex(PlanCoverage.network()), 10900)))
                .expectNoEvents()
                .expectException(refusedWith("PLAN_RETIRED"));
    }

    @Test
    void aPlanIsRetiredOnce() {
        fixture.given(new PlanDefined(FLEX, flex(PlanCoverage.network())))
                .when(new RetirePlan(FLEX))
                .expectEvents(new PlanRetired(FLEX));
        fixture.given(new PlanDefined(FLEX, flex(PlanCoverage.network())), new PlanRetired(FLEX))
                .when(new RetirePlan(FLEX))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static PlanTerms flex(PlanCoverage coverage) {
        return new PlanTerms("Flex", Money.of(9900, "EUR"), tenRoomHours(), CreditRollover.upTo(300), coverage, false);
    }

    private static PlanTerms withPrice(PlanTerms terms, long minorUnits) {
        return new PlanTerms(
                terms.name(),
                Money.of(minorUnits, terms.monthlyPrice().currency().getCurrencyCode()),
                terms.credits(),
                terms.rollover(),
                terms.coverage(),
                terms.creditsOnly());
    }

    private static CreditAllowance tenRoomHours() {
        return CreditAllowance.of(Duration.ofHours(10), Set.of(ResourceKind.MEETING_ROOM));
    }

    private static SpaceTerms termsIn(String currency) {
        return new SpaceTerms(
                Currency.getInstance(currency),
                ZoneId.of("Europe/Amsterdam"),
                CancellationPolicy.STANDARD,
                Duration.ofHours(24));
    }
}
