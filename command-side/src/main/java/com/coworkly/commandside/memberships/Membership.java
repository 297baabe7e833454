package com.coworkly.commandside.memberships;

import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.credits.GrantCredits;
import com.coworkly.commandside.plans.PlanCatalogue;
import com.coworkly.commandside.plans.PlanRefusal;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPaymentFailed;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSubscriptionOpened;
import com.coworkly.events.membership.MembershipSuspended;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One member's subscription to a plan: requested, active while its periods are paid, past due and then suspended
 * when a renewal is not, ended when cancelled (at the end of the period paid for) or when the provider ends it.
 * Each paid period grants its credits once, whatever the order and number of the provider's notices
 * (docs/memberships.md).
 */
@Aggregate
class Membership {

    static final String GRACE = "membership-grace";
    static final String PERIOD_END = "membership-period-end";
    /** How long a failed renewal may stay unpaid before the membership is suspended. */
    static final Duration GRACE_PERIOD = Duration.ofDays(3);

    @AggregateIdentifier
    private MembershipId membershipId;

    private MemberId memberId;
    private PlanId planId;
    private MembershipStatus status;
    private final Set<String> paidInvoices = new HashSet<>();
    private String failedInvoice;
    private Instant paidUntil;
    private boolean endsWithItsPeriod;
    /** A subscription keeps its currency: Stripe cannot change it, and fees are never converted. */
    private Currency currency;
    /** The plan the next period moves to, null when no change is scheduled. */
    private ScheduledPlan nextPlan;

    private String subscriptionId;

    Membership() {
        // for Axon
    }

    /**
     * A member subscribes themselves (or an administrator does for them), to a plan on sale, once at a time.
     * Answers the membership as requested, with the plan's revision it was sold at, for its billing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    MembershipRequested handle(Subscribe command, Actor actor, PlanCatalogue plans, LiveMemberships live) {
        if (!actor.isMember(command.memberId()) && !actor.is(Role.ADMIN)) {
            throw MembershipRefusal.notYours();
        }
        PlanCatalogue.OnSale plan =
                plans.current(command.planId()).orElseThrow(() -> PlanRefusal.notFound(command.planId()));
        if (plan.retired()) {
            throw PlanRefusal.takesNoNewMembers(command.planId());
        }
        live.lockAndFind(command.memberId()).ifPresent(existing -> {
            throw MembershipRefusal.alreadySubscribed(existing);
        });
        MembershipRequested requested = new MembershipRequested(
                command.membershipId(), command.memberId(), command.planId(), plan.revision(), plan.terms());
        apply(requested);
        return requested;
    }

    /**
     * The provider opened the subscription: kept so that a cancellation or a plan change can be told to it. The same
     * answer again records nothing.
     */
    @CommandHandler
    void handle(RecordSubscriptionOpened command) {
        if (command.subscriptionId().equals(subscriptionId)) {
            return;
        }
        apply(new MembershipSubscriptionOpened(
                membershipId, memberId, command.provider(), command.subscriptionId(), command.itemId()));
    }

    /**
     * A period is paid once: the same invoice again changes nothing. Its credits follow the plan's revision in force
     * when it is paid, so a revision counts from the next period, and so does a scheduled change of plan. Paying a
     * failed renewal ends its grace period.
     */
    @CommandHandler
    void handle(RecordPeriodPaid command, PlanCatalogue plans, PeriodCredits credits, DeadlineManager deadlines) {
        if (status == MembershipStatus.ENDED || paidInvoices.contains(command.invoiceId())) {
            return;
        }
        PlanId planOfThePeriod = ScheduledPlan.planOf(command.period(), planId, nextPlan);
        PlanCatalogue.OnSale plan = plans.current(planOfThePeriod).orElseThrow();
        PlanTerms terms = plan.terms();
        if (!planOfThePeriod.equals(planId)) {
            apply(new MembershipPlanChanged(membershipId, memberId, planId, planOfThePeriod, plan.revision(), terms));
        }
        apply(new MembershipPeriodPaid(
                membershipId,
                memberId,
                command.provider(),
                command.invoiceId(),
                command.period(),
                command.fee(),
                plan.revision(),
                terms.credits().minutes()));
        credits.grant(new GrantCredits(
                CreditAccountId.ofMember(memberId),
                "membership-" + membershipId + "-invoice-" + command.invoiceId(),
                terms.credits().minutes(),
                terms.credits().resourceKinds(),
                terms.coverage(),
                command.period().end(),
                terms.rollover().capMinutes()));
        deadlines.cancelAllWithinScope(GRACE);
    }

    /**
     * A live membership moves to another plan on sale in its currency from its next period: the period paid for
     * keeps the plan it was paid at. A later change replaces an earlier one, asking for the plan it is on withdraws
     * a scheduled change, and asking again for the change scheduled records nothing. A cancelled membership has no
     * next period, so it changes no plan.
     */
    @CommandHandler
    void handle(ChangePlan command, Actor actor, PlanCatalogue plans) {
        if (!actor.isMember(memberId) && !actor.is(Role.ADMIN)) {
            throw MembershipRefusal.notYours();
        }
        if (status == MembershipStatus.ENDED) {
            throw MembershipRefusal.ended();
        }
        if (!isLive()) {
            throw MembershipRefusal.notLive();
        }
        if (nextPlan != null && command.planId().equals(nextPlan.plan())) {
            return;
        }
        if (command.planId().equals(planId)) {
            if (nextPlan == null) {
                throw MembershipRefusal.alreadyOnPlan(planId);
            }
        } else {
            PlanCatalogue.OnSale plan =
                    plans.current(command.planId()).orElseThrow(() -> PlanRefusal.notFound(command.planId()));
            if (plan.retired()) {
                throw PlanRefusal.takesNoNewMembers(command.planId());
            }
            if (!plan.terms().monthlyPrice().currency().equals(currency)) {
                throw MembershipRefusal.otherCurrency(command.planId());
            }
        }
        apply(new MembershipPlanChangeScheduled(membershipId, memberId, command.planId(), paidUntil));
    }

    /** Live: paid for (or within a failed renewal's grace), and not cancelled. */
    private boolean isLive() {
        return (status == MembershipStatus.ACTIVE || status == MembershipStatus.PAST_DUE) && !endsWithItsPeriod;
    }

    /** A failure notice for an invoice already paid, or a second one for the same invoice, changes nothing. */
    @CommandHandler
    void handle(RecordRenewalFailed command, Clock clock, DeadlineManager deadlines) {
        boolean noticed = paidInvoices.contains(command.invoiceId())
                || command.invoiceId().equals(failedInvoice);
        if (noticed || status == MembershipStatus.ENDED || status == MembershipStatus.SUSPENDED) {
            return;
        }
        Instant graceEndsAt = clock.instant().plus(GRACE_PERIOD);
        apply(new MembershipPaymentFailed(membershipId, memberId, command.invoiceId(), graceEndsAt));
        deadlines.schedule(graceEndsAt, GRACE, command.invoiceId());
    }

    @DeadlineHandler(deadlineName = GRACE)
    void graceRanOut(String invoiceId) {
        if (status == MembershipStatus.PAST_DUE && invoiceId.equals(failedInvoice)) {
            apply(new MembershipSuspended(membershipId, memberId, invoiceId));
        }
    }

    /**
     * Cancelled, a membership runs to the end of the period paid for, which the member has paid; one never paid
     * ends at once. Cancelling twice changes nothing. A scheduled plan change is dropped: there is no next period.
     */
    @CommandHandler
    void handle(CancelMembership command, Actor actor, DeadlineManager deadlines) {
        if (!actor.isMember(memberId) && !actor.is(Role.ADMIN)) {
            throw MembershipRefusal.notYours();
        }
        if (status == MembershipStatus.ENDED) {
            throw MembershipRefusal.ended();
        }
        if (endsWithItsPeriod) {
            return;
        }
        if (paidUntil == null) {
            apply(new MembershipEnded(membershipId, memberId, "cancelled before its first period was paid"));
        } else {
            apply(new MembershipCancellationScheduled(membershipId, memberId, paidUntil));
            deadlines.schedule(paidUntil, PERIOD_END);
        }
    }

    @DeadlineHandler(deadlineName = PERIOD_END)
    void paidPeriodEnded() {
        if (endsWithItsPeriod && status != MembershipStatus.ENDED) {
            apply(new MembershipEnded(membershipId, memberId, "cancelled by the member"));
        }
    }

    @CommandHandler
    void handle(EndMembership command, DeadlineManager deadlines) {
        if (status != MembershipStatus.ENDED) {
            apply(new MembershipEnded(membershipId, memberId, command.reason()));
            deadlines.cancelAllWithinScope(GRACE);
            deadlines.cancelAllWithinScope(PERIOD_END);
        }
    }

    @EventSourcingHandler
    void on(MembershipRequested event) {
        membershipId = event.membershipId();
        memberId = event.memberId();
        planId = event.planId();
        currency = event.terms().monthlyPrice().currency();
        status = MembershipStatus.PENDING_PAYMENT;
    }

    @EventSourcingHandler
    void on(MembershipSubscriptionOpened event) {
        subscriptionId = event.subscriptionId();
    }

    @EventSourcingHandler
    void on(MembershipPlanChangeScheduled event) {
        nextPlan = event.planId().equals(planId) ? null : new ScheduledPlan(event.planId(), event.fromPeriodStart());
    }

    @EventSourcingHandler
    void on(MembershipPlanChanged event) {
        planId = event.planId();
        nextPlan = null;
    }

    @EventSourcingHandler
    void on(MembershipPeriodPaid event) {
        paidInvoices.add(event.invoiceId());
        status = MembershipStatus.ACTIVE;
        failedInvoice = null;
        if (paidUntil == null || event.period().end().isAfter(paidUntil)) {
            paidUntil = event.period().end();
        }
    }

    @EventSourcingHandler
    void on(MembershipPaymentFailed event) {
        failedInvoice = event.invoiceId();
        status = MembershipStatus.PAST_DUE;
    }

    @EventSourcingHandler
    void on(MembershipSuspended event) {
        status = MembershipStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MembershipCancellationScheduled event) {
        endsWithItsPeriod = true;
        nextPlan = null;
    }

    @EventSourcingHandler
    void on(MembershipEnded event) {
        status = MembershipStatus.ENDED;
    }
}
