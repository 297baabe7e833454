package com.coworkly.queryside.memberships;

import com.coworkly.events.catalogue.ResourceKind;
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
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.support.ReadModelDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The plans projection and its queries against PostgreSQL, without Spring: the SQL is what is tested. */
class PlansReadModelTest {

    private static final PlanId FLEX = new PlanId("plan-flex");
    private static final PlanId DESK = new PlanId("plan-desk");
    private static final SpaceId CENTRAL = new SpaceId("space-central");

    private static ReadModelDatabase database;
    private MembershipsProjection projection;
    private PlanQueries queries;

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
        queries = new PlanQueries(database.jdbc());
    }

    @Test
    void aPlanIsReadAtItsNewestRevision() {
        projection.on(new PlanDefined(FLEX, flex(9900, PlanCoverage.network())));
        projection.on(new PlanRevised(FLEX, 2, flex(10900, PlanCoverage.only(Set.of(CENTRAL)))));

        assertThat(queries.plan(FLEX.value())).hasValueSatisfying(plan -> {
            assertThat(plan.revision()).isEqualTo(2);
            assertThat(plan.monthlyPrice()).isEqualTo(new PlanViews.Price(10900, "EUR"));
            assertThat(plan.credits()).isEqualTo(new PlanViews.Credits(600, List.of("DESK", "MEETING_ROOM")));
            assertThat(plan.rollover()).isEqualTo(new PlanViews.Rollover(true, 300L));
            assertThat(plan.wholeNetwork()).isFalse();
            assertThat(plan.spaceIds()).containsExactly(CENTRAL.value());
        });
    }

    @Test
    void anOlderRevisionDeliveredAgainChangesNothing() {
        projection.on(new PlanDefined(FLEX, flex(9900, PlanCoverage.network())));
        projection.on(new PlanRevised(FLEX, 2, flex(10900, PlanCoverage.network())));
        projection.on(new PlanDefined(FLEX, flex(9900, PlanCoverage.network())));

        assertThat(queries.plan(FLEX.value()).orElseThrow().monthlyPrice().amount())
                .isEqualTo(10900);
    }

    @Test
    void retiredPlansAreListedOnlyOnRequest() {
        projection.on(new PlanDefined(FLEX, flex(9900, PlanCoverage.network())));
        projection.on(new PlanDefined(
                DESK,
                new PlanTerms(
                        "Desk",
                        Money.of(4900, "EUR"),
                        CreditAllowance.NONE,
                        CreditRollover.NONE,
                        PlanCoverage.network(),
                        false)));
        projection.on(new PlanRetired(DESK));

        assertThat(queries.plans(false, new PageRequest(0, 20)).items())
                .extracting(PlanViews.PlanView::planId)
                .containsExactly(FLEX.value());
        assertThat(queries.plans(true, new PageRequest(0, 20)).items())
                .extracting(PlanViews.PlanView::name, PlanViews.PlanView::retired)
                .containsExactly(tuple("Desk", true), tuple("Flex", false));
        assertThat(queries.plan(DESK.value()).orElseThrow().rollover()).isEqualTo(new PlanViews.Rollover(false, null));
    }

    private static PlanTerms flex(long price, PlanCoverage coverage) {
        return new PlanTerms(
                "Flex",
                Money.of(price, "EUR"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM, ResourceKind.DESK)),
                CreditRollover.upTo(300),
                coverage,
                false);
    }
}
