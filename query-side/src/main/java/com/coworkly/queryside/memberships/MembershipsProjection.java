package com.coworkly.queryside.memberships;

import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPaymentFailed;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSuspended;
import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanRetired;
import com.coworkly.events.membership.PlanRevised;
import com.coworkly.events.membership.PlanTerms;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * Keeps the memberships read model: the plans at their newest revision, and members' memberships. A plan's revision
 * is written only over an older one and a membership's period only once, so an event delivered twice, or a replay,
 * changes nothing the second time.
 */
@Component
@ProcessingGroup(MembershipsProjection.GROUP)
class MembershipsProjection {

    static final String GROUP = "memberships";

    private static final String UPSERT = """
            INSERT INTO plan_view AS p (plan_id, revision, name, monthly_price, currency, credit_minutes,
                                        credit_resource_kinds, rolls_over, rollover_cap_minutes, whole_network,
                                        space_ids, credits_only)
            VALUES (?, ?, ?, ?, ?, ?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?, ?, ?,
                    ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?)
            ON CONFLICT (plan_id) DO UPDATE SET
                revision = excluded.revision, name = excluded.name, monthly_price = excluded.monthly_price,
                currency = excluded.currency, credit_minutes = excluded.credit_minutes,
                credit_resource_kinds = excluded.credit_resource_kinds, rolls_over = excluded.rolls_over,
                rollover_cap_minutes = excluded.rollover_cap_minutes, whole_network = excluded.whole_network,
                space_ids = excluded.space_ids, credits_only = excluded.credits_only
            WHERE p.revision < excluded.revision""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    MembershipsProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PlanDefined event) {
        write(event.planId().value(), 1, event.terms());
    }

    @EventHandler
    void on(PlanRevised event) {
        write(event.planId().value(), event.revision(), event.terms());
    }

    @EventHandler
    void on(PlanRetired event) {
        jdbc.update(
                "UPDATE plan_view SET retired = TRUE WHERE plan_id = ?",
                event.planId().value());
    }

    @EventHandler
    void on(MembershipRequested event, @Timestamp Instant requestedAt) {
        jdbc.update(
                """
                INSERT INTO membership_view (membership_id, member_id, plan_id, plan_name, plan_revision, monthly_price,
                                             currency, status, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING_PAYMENT', ?)
                ON CONFLICT (membership_id) DO NOTHING""",
                event.membershipId().value(),
                event.memberId().value(),
                event.planId().value(),
                event.terms().name(),
                event.planRevision(),
                event.terms().monthlyPrice().minorUnits(),
                event.terms().monthlyPrice().currency().getCurrencyCode(),
                java.sql.Timestamp.from(requestedAt));
    }

    /** A period paid sets the membership active and moves its end forward, never back. */
    @EventHandler
    void on(MembershipPeriodPaid event, @SequenceNumber long sequence) {
        jdbc.update(
                """
                UPDATE membership_view
                SET status = CASE WHEN status IN ('ENDED', 'ENDING') THEN status ELSE 'ACTIVE' END,
                    plan_revision = ?, periods_paid = ?,
                    paid_until = greatest(paid_until, ?)
                WHERE membership_id = ? AND periods_paid < ?""",
                event.planRevision(),
                sequence,
                java.sql.Timestamp.from(event.period().end()),
                event.membershipId().value(),
                sequence);
    }

    /** Asking for the plan it is on withdraws a scheduled change: then there is no next plan to show. */
    @EventHandler
    void on(MembershipPlanChangeScheduled event) {
        jdbc.update(
                """
                UPDATE membership_view
                SET next_plan_id = CASE WHEN plan_id = ? THEN NULL ELSE ? END,
                    next_plan_from = CASE WHEN plan_id = ? THEN NULL ELSE ?::timestamptz END
                WHERE membership_id = ?""",
                event.planId().value(),
                event.planId().value(),
                event.planId().value(),
                java.sql.Timestamp.from(event.fromPeriodStart()),
                event.membershipId().value());
    }

    @EventHandler
    void on(MembershipPlanChanged event) {
        jdbc.update(
                """
                UPDATE membership_view
                SET plan_id = ?, plan_name = ?, plan_revision = ?, monthly_price = ?, currency = ?,
                    next_plan_id = NULL, next_plan_from = NULL
                WHERE membership_id = ?""",
                event.planId().value(),
                event.terms().name(),
                event.planRevision(),
                event.terms().monthlyPrice().minorUnits(),
                event.terms().monthlyPrice().currency().getCurrencyCode(),
                event.membershipId().value());
    }

    @EventHandler
    void on(MembershipPaymentFailed event) {
        status(event.membershipId().value(), "PAST_DUE");
    }

    @EventHandler
    void on(MembershipSuspended event) {
        status(event.membershipId().value(), "SUSPENDED");
    }

    @EventHandler
    void on(MembershipCancellationScheduled event) {
        jdbc.update(
                """
                UPDATE membership_view SET status = 'ENDING', ends_at = ?, next_plan_id = NULL, next_plan_from = NULL
                WHERE membership_id = ? AND status <> 'ENDED'""",
                java.sql.Timestamp.from(event.endsAt()),
                event.membershipId().value());
    }

    @EventHandler
    void on(MembershipEnded event, @Timestamp Instant endedAt) {
        jdbc.update(
                "UPDATE membership_view SET status = 'ENDED', ends_at = coalesce(ends_at, ?) WHERE membership_id = ?",
                java.sql.Timestamp.from(endedAt),
                event.membershipId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE plan_view, membership_view");
    }

    private void status(String membershipId, String status) {
        jdbc.update(
                "UPDATE membership_view SET status = ? WHERE membership_id = ? AND status NOT IN ('ENDED', 'ENDING')",
                status,
                membershipId);
    }

    private void write(String planId, int revision, PlanTerms terms) {
        jdbc.update(
                UPSERT,
                planId,
                revision,
                terms.name(),
                terms.monthlyPrice().minorUnits(),
                terms.monthlyPrice().currency().getCurrencyCode(),
                terms.credits().minutes(),
                asJson(terms.credits().resourceKinds().stream().map(Enum::name)),
                terms.rollover().rollsOver(),
                terms.rollover().capMinutes(),
                terms.coverage().wholeNetwork(),
                asJson(terms.coverage().spaces().stream().map(Object::toString)),
                terms.creditsOnly());
    }

    /** A list as JSON text, which the statement turns into an array: a rebuild queues statements as text. */
    private String asJson(Stream<String> values) {
        try {
            return json.writeValueAsString(values.sorted().toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always serializable", e);
        }
    }
}
