package com.coworkly.commandside.memberships;

import com.coworkly.commandside.commands.Lookup;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Each member's live membership, written by a subscribing processor in the transaction of the events it follows.
 * A subscription looks here under the member's advisory lock (the one that serialises the member's placements),
 * so two subscriptions racing on two instances take turns and the second finds the first.
 */
@Component
@ProcessingGroup(MembershipLedger.GROUP)
public class MembershipLedger implements Lookup, LiveMemberships {

    static final String GROUP = "membership-ledger";

    private final JdbcTemplate jdbc;

    MembershipLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("live_membership");
    }

    @Override
    public Optional<MembershipId> lockAndFind(MemberId member) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", member.value());
        return jdbc
                .queryForList(
                        "SELECT membership_id FROM live_membership WHERE member_id = ?", String.class, member.value())
                .stream()
                .findFirst()
                .map(MembershipId::new);
    }

    @EventHandler
    void on(MembershipRequested event) {
        jdbc.update(
                "INSERT INTO live_membership (member_id, membership_id, plan_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.memberId().value(),
                event.membershipId().value(),
                event.planId().value());
    }

    /** The plan whose rules (credits only) a member's bookings follow is the one of the period now paid. */
    @EventHandler
    void on(MembershipPlanChanged event) {
        jdbc.update(
                "UPDATE live_membership SET plan_id = ? WHERE member_id = ? AND membership_id = ?",
                event.planId().value(),
                event.memberId().value(),
                event.membershipId().value());
    }

    @EventHandler
    void on(MembershipEnded event) {
        jdbc.update(
                "DELETE FROM live_membership WHERE member_id = ? AND membership_id = ?",
                event.memberId().value(),
                event.membershipId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE live_membership");
    }
}
