package com.coworkly.queryside.memberships;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.queryside.support.ReadModelDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's membership as the memberships projection keeps it, against PostgreSQL: its scheduled next plan. */
class MembershipsReadModelTest {

    private static final MembershipId MEMBERSHIP = new MembershipId("membership-mia");
    private static final MemberId MIA = new MemberId("member-mia");
    private static final PlanId FLEX = new PlanId("plan-flex");
    private static final PlanId RESIDENT = new PlanId("plan-resident");
    private static final PlanTerms FLEX_TERMS = terms("Flex", 9900);
    private static final PlanTerms RESIDENT_TERMS = terms("Resident", 24900);
    private static final Period JANUARY =
            new Period(Instant.parse("2027-01-10T09:00:00Z"), Instant.parse("2027-02-10T09:00:00Z"));
    private static final Period FEBRUARY =
            new Period(Instant.parse("2027-02-10T09:00:00Z"), Instant.parse("2027-03-10T09:00:00Z"));

    private static ReadModelDatabase database;
    private MembershipsProjection projection;
    private MembershipQueries queries;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void setUp() {
        projection = new MembershipsProjection(database.jdbc(), new ObjectMapper());
        projection.reset();
        queries = new MembershipQueries(database.jdbc());
        projection.on(new PlanDefined(FLEX, FLEX_TERMS));
        projection.on(new PlanDefined(RESIDENT, RESIDENT_TERMS));
        projection.on(new MembershipRequested(MEMBERSHIP, MIA, FLEX, 1, FLEX_TERMS), JANUARY.start());
        projection.on(
                new MembershipPeriodPaid(MEMBERSHIP, MIA, "stripe", "in_1", JANUARY, Money.of(9900, "EUR"), 1, 600), 1);
    }

    @Test
    void aScheduledChangeShowsTheNextPlanAndWhenItStarts() {
        projection.on(new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, RESIDENT, JANUARY.end()));

        assertThat(queries.current(MIA.value()).orElseThrow().nextPlan())
                .isEqualTo(new MembershipViews.NextPlan(RESIDENT.value(), "Resident", JANUARY.end()));
    }

    @Test
    void theChangeTakenMovesThePlanAndClearsTheNextOne() {
        projection.on(new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, RESIDENT, JANUARY.end()));
        projection.on(new MembershipPlanChanged(MEMBERSHIP, MIA, FLEX, RESIDENT, 1, RESIDENT_TERMS));

        MembershipViews.MembershipView membership = queries.current(MIA.value()).orElseThrow();
        assertThat(membership.planId()).isEqualTo(RESIDENT.value());
        assertThat(membership.planName()).isEqualTo("Resident");
        assertThat(membership.monthlyPrice()).isEqualTo(new PlanViews.Price(24900, "EUR"));
        assertThat(membership.nextPlan()).isNull();
    }

    @Test
    void askingForTheCurrentPlanOrCancellingLeavesNoNextPlan() {
        projection.on(new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, RESIDENT, JANUARY.end()));
        projection.on(new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, FLEX, JANUARY.end()));
        assertThat(queries.current(MIA.value()).orElseThrow().nextPlan()).isNull();

        projection.on(new MembershipPlanChangeScheduled(MEMBERSHIP, MIA, RESIDENT, JANUARY.end()));
        projection.on(new MembershipCancellationScheduled(MEMBERSHIP, MIA, JANUARY.end()));
        assertThat(queries.current(MIA.value()).orElseThrow().nextPlan()).isNull();
    }

    private static PlanTerms terms(String name, long price) {
        return new PlanTerms(
                name,
                Money.of(price, "EUR"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                PlanCoverage.network(),
                false);
    }
}
