package com.coworkly.queryside.dashboards;

import com.coworkly.events.booking.BookingPaidWithCredits;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.PlanTerms;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.ZoneOffset;

/**
 * The facts behind the membership revenue and the credits spent: each paid period's fee with its plan revision,
 * what each revision covers, and the minutes each booking's credits paid and got back. None of these events names
 * a space, so they are sequenced by their own aggregates, apart from the space's running sums; they are therefore
 * kept as facts, each written by one aggregate's sequence, and joined when a dashboard is asked for
 * ({@code dashboards.figures.MembershipDashboards}). Every write is an upsert of a fact, so a redelivered event
 * changes nothing and a replay gives the same rows.
 */
final class MembershipFigures {

    private final JdbcTemplate jdbc;

    MembershipFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void planRevision(PlanId planId, int revision, PlanTerms terms) {
        jdbc.update(
                """
                INSERT INTO dashboard_plan_revision (plan_id, revision, whole_network, space_ids)
                VALUES (?, ?, ?, ?::varchar[]) ON CONFLICT DO NOTHING""",
                planId.value(),
                revision,
                terms.coverage().wholeNetwork(),
                // PlanCoverage keeps its spaces sorted by id: the order in which a fee's remainder is shared out.
                terms.coverage().spaces().stream().map(SpaceId::value).toArray(String[]::new));
    }

    void requested(MembershipRequested event) {
        jdbc.update(
                "INSERT INTO dashboard_membership (membership_id, plan_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.membershipId().value(),
                event.planId().value());
    }

    /** The membership was requested before (same aggregate, so the same sequence and an earlier event). */
    void periodPaid(MembershipPeriodPaid event) {
        jdbc.update(
                """
                INSERT INTO dashboard_membership_fee (membership_id, invoice_id, plan_id, plan_revision, period_start,
                                                      fee, currency)
                SELECT membership_id, ?, plan_id, ?, ?, ?, ? FROM dashboard_membership WHERE membership_id = ?
                ON CONFLICT DO NOTHING""",
                event.invoiceId(),
                event.planRevision(),
                event.period().start().atOffset(ZoneOffset.UTC),
                event.fee().minorUnits(),
                event.fee().currency().getCurrencyCode(),
                event.membershipId().value());
    }

    /**
     * Kept as a fee of its own kind: the company stands where a membership would, under a key no membership id can
     * take, and the period's grant id names the period once.
     */
    void companyPeriodStarted(CompanyPlanPeriodStarted event) {
        if (event.fee().minorUnits() == 0) {
            return;
        }
        jdbc.update(
                """
                INSERT INTO dashboard_membership_fee (membership_id, invoice_id, plan_id, plan_revision, period_start,
                                                      fee, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                "company:" + event.companyId().value(),
                event.grantId(),
                event.planId().value(),
                event.planRevision(),
                event.period().start().atOffset(ZoneOffset.UTC),
                event.fee().minorUnits(),
                event.fee().currency().getCurrencyCode());
    }

    void paidWithCredits(BookingPaidWithCredits event) {
        jdbc.update(
                "INSERT INTO dashboard_credit_spending (booking_id, minutes) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.bookingId().value(),
                event.minutes());
    }

    /** Keyed by the event, since nothing else tells two returns to one booking from one return delivered twice. */
    void returned(CreditsReturned event, String eventId) {
        jdbc.update(
                "INSERT INTO dashboard_credit_return (event_id, booking_id, minutes) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                eventId,
                event.bookingId().value(),
                event.minutes());
    }
}
