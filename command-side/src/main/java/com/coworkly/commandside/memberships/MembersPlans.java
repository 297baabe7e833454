package com.coworkly.commandside.memberships;

import com.coworkly.commandside.booking.CreditsOnlyPlans;
import com.coworkly.commandside.plans.PlanCatalogue;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The plan of a member's live membership, at its newest revision, from the command side's lookups. */
@Component
class MembersPlans implements CreditsOnlyPlans {

    private final JdbcTemplate jdbc;
    private final PlanCatalogue plans;

    MembersPlans(JdbcTemplate jdbc, PlanCatalogue plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    @Override
    public boolean takesOnlyCredits(MemberId member, ResourceKind kind, SpaceId space) {
        return jdbc
                .queryForList(
                        "SELECT plan_id FROM live_membership WHERE member_id = ? AND plan_id IS NOT NULL",
                        String.class,
                        member.value())
                .stream()
                .findFirst()
                .flatMap(plan -> plans.current(new PlanId(plan)))
                .map(PlanCatalogue.OnSale::terms)
                .filter(terms -> terms.creditsOnly()
                        && terms.credits().covers(kind)
                        && terms.coverage().covers(space))
                .isPresent();
    }
}
