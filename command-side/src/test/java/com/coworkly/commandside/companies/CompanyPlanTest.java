package com.coworkly.commandside.companies;

import com.coworkly.commandside.catalogue.KnownMembers;
import com.coworkly.commandside.catalogue.SpaceDirectoryStub;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.credits.EndRollover;
import com.coworkly.commandside.credits.GrantCredits;
import com.coworkly.commandside.plans.PlanCatalogue;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyPlanCancelled;
import com.coworkly.events.company.CompanyPlanEnded;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.company.CompanyPlanSubscribed;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.coworkly.commandside.catalogue.Refused.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company plans (docs/memberships.md#company-plans): Acme, administered by Anna, with Anna and Ben in its seats,
 * takes the Team plan (150.00 and 10 meeting-room hours a seat, up to 2 hours of each carried over) at Central, in
 * Amsterdam, on 31 January 2026 at 10:00 local time.
 */
class CompanyPlanTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final CompanyId ACME = new CompanyId("company-acme");
    private static final MemberId ANNA = new MemberId("member-anna");
    private static final MemberId BEN = new MemberId("member-ben");
    private static final PlanId TEAM = new PlanId("plan-team");
    private static final SpaceId CENTRAL = new SpaceId("space-central");
    private static final SpaceId LONDON = new SpaceId("space-london");
    private static final SpaceId SOUTH = new SpaceId("space-south");
    private static final Instant JANUARY_31 = Instant.parse("2026-01-31T09:00:00Z");
    private static final PlanTerms TEAM_TERMS = terms(15000, PlanCoverage.network());
    private static final Period FIRST_PERIOD = new Period(JANUARY_31, Instant.parse("2026-02-28T09:00:00Z"));
    private static final String FIRST_GRANT = "company-company-acme-plan-1-period-1";
    private static final Actor ANNA_ACTS = new Actor(ANNA.value(), Set.of(Role.MEMBER));
    private static final Actor BEN_ACTS = new Actor(BEN.value(), Set.of(Role.MEMBER));

    private final Map<PlanId, PlanCatalogue.OnSale> plans = new HashMap<>();
    private final List<CompanyFees.Fee> fees = new ArrayList<>();
    private final List<GrantCredits> grants = new ArrayList<>();
    private final List<EndRollover> rolloversEnded = new ArrayList<>();
    private FixtureConfiguration<Company> fixture;

    @BeforeEach
    void setUp() {
        plans.put(TEAM, new PlanCatalogue.OnSale(1, TEAM_TERMS, false));
        SpaceTerms amsterdam = new SpaceTerms(
                Currency.getInstance("EUR"), AMSTERDAM, CancellationPolicy.STANDARD, Duration.ofHours(24));
        SpaceTerms london = new SpaceTerms(
                Currency.getInstance("GBP"),
                ZoneId.of("Europe/London"),
                CancellationPolicy.STANDARD,
                Duration.ofHours(24));
        fixture = new AggregateTestFixture<>(Company.class);
        fixture.registerInjectableResource((KnownMembers) member -> true);
        fixture.registerInjectableResource((CompanySeats) member -> Optional.empty());
        fixture.registerInjectableResource((PlanCatalogue) plan -> Optional.ofNullable(plans.get(plan)));
        fixture.registerInjectableResource(new SpaceDirectoryStub()
                .withSpace(CENTRAL, amsterdam, new MemberId("member-alice"))
                .withSpace(SOUTH, amsterdam, new MemberId("member-alice"))
                .withSpace(LONDON, london, new MemberId("member-alice")));
        fixture.registerInjectableResource(Clock.fixed(JANUARY_31, ZoneOffset.UTC));
        fixture.registerInjectableResource((CompanyFees) fees::add);
        fixture.registerInjectableResource(new CompanyPool() {
            @Override
            public void grant(GrantCredits grant) {
                grants.add(grant);
            }

            @Override
            public void endRollover(EndRollover end) {
                rolloversEnded.add(end);
            }
        });
        fixture.givenCurrentTime(JANUARY_31);
    }

    @Test
    void theFirstPeriodChargesTheFeePerSeatHeldAndFillsThePoolAtOnce() {
        fixture.given(aCompanyOfTwo())
                .when(subscribing(CENTRAL), ActorMetaData.of(ANNA_ACTS))
                .expectEvents(
                        new CompanyPlanSubscribed(ACME, TEAM, 1, TEAM_TERMS, CENTRAL, AMSTERDAM, JANUARY_31),
                        new CompanyPlanPeriodStarted(
                                ACME, TEAM, 1, 1, FIRST_PERIOD, 2, euros(30000), 1200, FIRST_GRANT))
                .expectResultMessagePayload(new Company.PlanPeriod(TEAM, 1, FIRST_PERIOD, 2, euros(30000), 1200))
                .expectScheduledDeadlineWithName(FIRST_PERIOD.end(), Company.PLAN_PERIOD_END);
        assertThat(fees)
                .containsExactly(new CompanyFees.Fee(
                        ACME,
                        CENTRAL,
                        AMSTERDAM,
                        FIRST_GRANT,
                        "Plan Team, 2 seats, 2026-01-31 to 2026-02-27",
                        java.time.LocalDate.of(2026, 1, 31),
                        euros(30000),
                        JANUARY_31));
        assertThat(grants)
                .containsExactly(new GrantCredits(
                        CreditAccountId.ofCompany(ACME),
                        FIRST_GRANT,
                        1200,
                        Set.of(ResourceKind.MEETING_ROOM),
                        PlanCoverage.network(),
                        FIRST_PERIOD.end(),
                        240));
    }

    @Test
    void eachPeriodEndStartsTheNextAtThePlansNewestRevisionWithTheSeatsHeldThen() {
        PlanTerms revised = terms(20000, PlanCoverage.network());
        TestExecutor<Company> afterTheFirstPeriod = fixture.given(aCompanyOfTwo())
                .andGivenCommands(asActor(subscribing(CENTRAL), ANNA_ACTS))
                .andGiven(new CompanyMemberAdded(ACME, new MemberId("member-cleo")));
        plans.put(TEAM, new PlanCatalogue.OnSale(2, revised, false));
        fees.clear();
        afterTheFirstPeriod
                .whenTimeAdvancesTo(FIRST_PERIOD.end())
                .expectEvents(new CompanyPlanPeriodStarted(
                        ACME,
                        TEAM,
                        2,
                        2,
                        new Period(FIRST_PERIOD.end(), Instant.parse("2026-03-31T08:00:00Z")),
                        3,
                        euros(60000),
                        1800,
                        "company-company-acme-plan-1-period-2"));
        assertThat(fees).extracting(CompanyFees.Fee::amount).containsExactly(euros(60000));
    }

    @Test
    void periodsCountMonthsFromThePlansStartInTheHomeSpacesZone() {
        assertThat(CompanyPlan.period(JANUARY_31, AMSTERDAM, 2))
                .as("31 January renews on 28 February")
                .isEqualTo(new Period(Instant.parse("2026-02-28T09:00:00Z"), Instant.parse("2026-03-31T08:00:00Z")));
        assertThat(CompanyPlan.period(JANUARY_31, AMSTERDAM, 3).start())
                .as("and again on 31 March, at 10:00 summer time")
                .isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));
    }

    @Test
    void aCancelledPlanRunsToItsPeriodsEndThenEndsAndItsPoolCarriesNothingOver() {
        TestExecutor<Company> cancelled = fixture.given(aCompanyOfTwo())
                .andGivenCommands(asActor(subscribing(CENTRAL), ANNA_ACTS))
                .andGivenCommands(asActor(new CancelCompanyPlan(ACME), ANNA_ACTS));
        fees.clear();
        cancelled
                .whenTimeAdvancesTo(FIRST_PERIOD.end())
                .expectEvents(new CompanyPlanEnded(ACME, TEAM, FIRST_PERIOD.end()));
        assertThat(fees).isEmpty();
        assertThat(rolloversEnded).extracting(EndRollover::accountId).containsExactly(CreditAccountId.ofCompany(ACME));
    }

    @Test
    void cancellingSaysWhenThePlanEndsAndTwiceChangesNothing() {
        fixture.given(aCompanyOfTwo(subscribed(), firstPeriod()))
                .when(new CancelCompanyPlan(ACME), ActorMetaData.of(ANNA_ACTS))
                .expectEvents(new CompanyPlanCancelled(ACME, FIRST_PERIOD.end()));
        fixture.given(aCompanyOfTwo(subscribed(), firstPeriod(), new CompanyPlanCancelled(ACME, FIRST_PERIOD.end())))
                .when(new CancelCompanyPlan(ACME), ActorMetaData.of(ANNA_ACTS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCompanyWithNoPlanHasNoneToCancel() {
        fixture.given(aCompanyOfTwo())
                .when(new CancelCompanyPlan(ACME), ActorMetaData.of(ANNA_ACTS))
                .expectNoEvents()
                .expectException(refusedWith("NO_COMPANY_PLAN"));
    }

    @Test
    void onlyTheCompanysAdministratorsTakeOrCancelItsPlan() {
        fixture.given(aCompanyOfTwo())
                .when(subscribing(CENTRAL), ActorMetaData.of(BEN_ACTS))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_COMPANY"));
        fixture.given(aCompanyOfTwo(subscribed(), firstPeriod()))
                .when(new CancelCompanyPlan(ACME), ActorMetaData.of(BEN_ACTS))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_COMPANY"));
    }

    @Test
    void aPlanIsTakenOnlyIfOnSaleAndCoveringAHomeSpaceInItsCurrency() {
        refused(subscribing(CENTRAL, new PlanId("plan-nothing")), "PLAN_NOT_FOUND");
        refused(subscribing(new SpaceId("space-nowhere")), "SPACE_NOT_FOUND");
        refused(subscribing(LONDON), "CURRENCY_MISMATCH");
        plans.put(TEAM, new PlanCatalogue.OnSale(1, terms(15000, PlanCoverage.only(Set.of(CENTRAL))), false));
        refused(subscribing(SOUTH), "HOME_SPACE_NOT_COVERED");
        plans.put(TEAM, new PlanCatalogue.OnSale(1, TEAM_TERMS, true));
        refused(subscribing(CENTRAL), "PLAN_RETIRED");
        assertThat(fees).isEmpty();
        assertThat(grants).isEmpty();
    }

    @Test
    void aCompanyHoldsOnePlanAtATime() {
        fixture.given(aCompanyOfTwo(subscribed(), firstPeriod()))
                .when(subscribing(CENTRAL), ActorMetaData.of(ANNA_ACTS))
                .expectNoEvents()
                .expectException(refusedWith("ALREADY_SUBSCRIBED"));
    }

    @Test
    void aPlanTakenAgainAfterItEndedGrantsUnderNewIdsSoNoGrantIsTakenForAnEarlierOne() {
        fixture.given(aCompanyOfTwo(
                        subscribed(),
                        firstPeriod(),
                        new CompanyPlanCancelled(ACME, FIRST_PERIOD.end()),
                        new CompanyPlanEnded(ACME, TEAM, FIRST_PERIOD.end())))
                .when(subscribing(CENTRAL), ActorMetaData.of(ANNA_ACTS))
                .expectSuccessfulHandlerExecution();
        assertThat(grants).extracting(GrantCredits::grantId).containsExactly("company-company-acme-plan-2-period-1");
    }

    private void refused(SubscribeCompany command, String code) {
        fixture.given(aCompanyOfTwo())
                .when(command, ActorMetaData.of(ANNA_ACTS))
                .expectNoEvents()
                .expectException(refusedWith(code));
    }

    /** Acme's history so far, and then {@code more}. */
    private static List<Object> aCompanyOfTwo(Object... more) {
        List<Object> history = new ArrayList<>(List.of(
                new CompanyRegistered(ACME, "Acme B.V.", new Address("Damrak 1", "1012 LG", "Amsterdam", "NL"), null),
                new CompanyAdministratorAppointed(ACME, ANNA),
                new CompanyMemberAdded(ACME, ANNA),
                new CompanyMemberAdded(ACME, BEN)));
        history.addAll(List.of(more));
        return history;
    }

    private static CommandMessage<?> asActor(Object command, Actor actor) {
        return GenericCommandMessage.asCommandMessage(command).withMetaData(ActorMetaData.of(actor));
    }

    private static CompanyPlanSubscribed subscribed() {
        return new CompanyPlanSubscribed(ACME, TEAM, 1, TEAM_TERMS, CENTRAL, AMSTERDAM, JANUARY_31);
    }

    private static CompanyPlanPeriodStarted firstPeriod() {
        return new CompanyPlanPeriodStarted(ACME, TEAM, 1, 1, FIRST_PERIOD, 2, euros(30000), 1200, FIRST_GRANT);
    }

    private static SubscribeCompany subscribing(SpaceId home) {
        return subscribing(home, TEAM);
    }

    private static SubscribeCompany subscribing(SpaceId home, PlanId plan) {
        return new SubscribeCompany(ACME, plan, home);
    }

    private static PlanTerms terms(long price, PlanCoverage coverage) {
        return new PlanTerms(
                "Team",
                euros(price),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                new CreditRollover(true, 120),
                coverage,
                false);
    }

    private static Money euros(long cents) {
        return Money.of(cents, "EUR");
    }
}
