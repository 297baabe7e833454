package com.coworkly.commandside.payment;

import com.coworkly.commandside.memberships.MembershipBilling;
import com.coworkly.commandside.plans.PlanCatalogue;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipSubscriptionOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Tells the billing provider what a membership decided: a plan change (the next invoice bills the new plan's price)
 * and a cancellation (no invoice after the period paid for). It follows the event store in its own tracking
 * processor ({@code subscription-updates}), after the member's request has committed, so the member's 2xx means the
 * decision is recorded and the provider hears of it shortly after. A call that fails is parked in the processor's
 * dead-letter queue and retried by {@link SubscriptionUpdateRetries} until the provider takes it; every call is
 * idempotent (keyed by the event), and a replay makes none.
 */
@Component
@ProcessingGroup(SubscriptionUpdates.GROUP)
class SubscriptionUpdates {

    static final String GROUP = "subscription-updates";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionUpdates.class);

    private final MembershipBilling billing;
    private final PlanCatalogue plans;
    private final EventStore events;

    SubscriptionUpdates(MembershipBilling billing, PlanCatalogue plans, EventStore events) {
        this.billing = billing;
        this.plans = plans;
        this.events = events;
    }

    @EventHandler
    @DisallowReplay
    void on(MembershipPlanChangeScheduled event, @SequenceNumber long sequence) {
        subscriptionOf(event.membershipId(), "plan change").ifPresent(subscription -> {
            PlanCatalogue.OnSale plan = plans.current(event.planId()).orElseThrow();
            // The sequence tells this change from a later one back to the same plan: each is its own update.
            billing.changePlan(
                    subscription,
                    event.planId(),
                    plan.revision(),
                    plan.terms(),
                    "subscription-plan-" + event.membershipId() + "-" + sequence);
        });
    }

    @EventHandler
    @DisallowReplay
    void on(MembershipCancellationScheduled event) {
        subscriptionOf(event.membershipId(), "cancellation").ifPresent(billing::cancelAtPeriodEnd);
    }

    /**
     * The subscription as recorded when it was opened, read from the membership's own events (from the first, past
     * any snapshot). Memberships opened before that was recorded, or by another provider (the demo's seeding, a
     * simulation before a Stripe key was configured), have none to tell: that is logged and skipped.
     */
    private Optional<MembershipBilling.OpenedSubscription> subscriptionOf(MembershipId membership, String what) {
        Optional<MembershipSubscriptionOpened> opened = events.readEvents(membership.value(), 0)
                .asStream()
                .map(message -> message.getPayload())
                .filter(MembershipSubscriptionOpened.class::isInstance)
                .map(MembershipSubscriptionOpened.class::cast)
                .reduce((earlier, later) -> later);
        if (opened.isEmpty() || !opened.get().provider().equals(billing.provider())) {
            log.warn(
                    "Membership {}: its {} is not told to {}: no subscription of that provider is recorded for it",
                    membership,
                    what,
                    billing.provider());
            return Optional.empty();
        }
        return opened.map(subscription -> new MembershipBilling.OpenedSubscription(
                membership, subscription.subscriptionId(), subscription.itemId()));
    }
}
