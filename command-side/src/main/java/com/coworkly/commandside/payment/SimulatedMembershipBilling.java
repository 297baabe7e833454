package com.coworkly.commandside.payment;

import com.coworkly.commandside.memberships.MembershipBilling;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.PlanTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * For demo runs without Stripe keys: a membership's first fee is collected at once, for a month from now (or the
 * configured period), and no money moves. It says so. Renewals follow at each period's end ({@link
 * SimulatedRenewals}).
 */
class SimulatedMembershipBilling implements MembershipBilling {

    private static final Logger log = LoggerFactory.getLogger(SimulatedMembershipBilling.class);

    private final Clock clock;
    private final SimulatedBillingCalendar calendar;

    SimulatedMembershipBilling(Clock clock, SimulatedBillingCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public String provider() {
        return "simulated";
    }

    @Override
    public Subscription subscribe(Request request) {
        Period month = calendar.periodFrom(clock.instant());
        String invoice = "sim_in_" + request.membershipId();
        log.info(
                "SIMULATED membership fee {} of {} {} for membership {}: collected without charging anyone",
                invoice,
                request.terms().monthlyPrice().minorUnits(),
                request.terms().monthlyPrice().currency(),
                request.membershipId());
        return new Subscription(
                "simulated",
                "sim_sub_" + request.membershipId(),
                "sim_si_" + request.membershipId(),
                null,
                Optional.of(new CollectedPeriod(invoice, month, request.terms().monthlyPrice())));
    }

    /** Renewals follow the membership's plan ({@link SimulatedRenewals}); nothing to tell anyone. */
    @Override
    public void changePlan(
            OpenedSubscription subscription, PlanId plan, int planRevision, PlanTerms terms, String idempotencyKey) {
        log.info(
                "SIMULATED subscription {} bills plan {} (revision {}) from its next period",
                subscription.subscriptionId(),
                plan,
                planRevision);
    }

    /** Renewals stop with the cancellation ({@link SimulatedRenewals}); nothing to tell anyone. */
    @Override
    public void cancelAtPeriodEnd(OpenedSubscription subscription) {
        log.info("SIMULATED subscription {} ends with its period", subscription.subscriptionId());
    }
}
