package com.coworkly.commandside.memberships;

import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.membership.MembershipRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Subscribes a member, then opens the subscription with the billing provider once the membership's transaction has
 * committed, as the booking checkout does with payments: a slow provider holds no locks, and one that cannot be
 * reached loses no membership (it stays pending, and the member may cancel it).
 */
@Component
class MembershipCheckout {

    private static final Logger log = LoggerFactory.getLogger(MembershipCheckout.class);
    private static final Actor BILLING = Actor.system("membership-billing");

    record Subscribed(
            MembershipRequested membership, Optional<MembershipBilling.Subscription> billing, long eventPosition) {}

    private final CommandSender commands;
    private final MembershipBilling billing;

    MembershipCheckout(CommandSender commands, MembershipBilling billing) {
        this.commands = commands;
        this.billing = billing;
    }

    Subscribed subscribe(Subscribe command) {
        Accepted<MembershipRequested> requested = commands.send(command);
        MembershipRequested membership = requested.result();
        long position = requested.eventPosition();
        MembershipBilling.Subscription subscription;
        try {
            subscription = billing.subscribe(new MembershipBilling.Request(
                    membership.membershipId(),
                    membership.memberId(),
                    membership.planId(),
                    membership.planRevision(),
                    membership.terms()));
        } catch (RuntimeException e) {
            log.warn("Membership {} is pending: its subscription could not be opened", membership.membershipId(), e);
            return new Subscribed(membership, Optional.empty(), position);
        }
        // Recorded so that a cancellation or a plan change can be told to the provider later: the subscription's id
        // is known nowhere else.
        position = commands.send(
                        new RecordSubscriptionOpened(
                                membership.membershipId(),
                                subscription.provider(),
                                subscription.subscriptionId(),
                                subscription.itemId()),
                        ActorMetaData.of(BILLING))
                .eventPosition();
        if (subscription.collectedAtOnce().isPresent()) {
            MembershipBilling.CollectedPeriod period =
                    subscription.collectedAtOnce().get();
            position = commands.send(
                            new RecordPeriodPaid(
                                    membership.membershipId(),
                                    subscription.provider(),
                                    period.invoiceId(),
                                    period.period(),
                                    period.fee()),
                            ActorMetaData.of(BILLING))
                    .eventPosition();
        }
        return new Subscribed(membership, Optional.of(subscription), position);
    }
}
