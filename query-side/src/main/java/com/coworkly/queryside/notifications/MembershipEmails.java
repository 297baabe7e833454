package com.coworkly.queryside.notifications;

import com.coworkly.events.common.MembershipId;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPaymentFailed;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.function.Function;

/**
 * The membership emails, written to the {@link Outbox} as the booking emails are ({@link BookingEmails}): in the
 * single-segment processor's transaction, never in a replay, and once per membership (started, ended) or per
 * invoice (renewed, payment failed, suspended) by the outbox's unique key.
 *
 * <p>A paid period is "started" when it is the membership's first and "renewed" otherwise. Which one was first is a
 * fact a replay must rebuild, so that handler runs in a replay too and only leaves out the email then: two handlers
 * of the same event in one processor run in no promised order, so the fact and the email are one handler.
 */
@Component
@ProcessingGroup(BookingEmails.GROUP)
class MembershipEmails {

    private static final Logger log = LoggerFactory.getLogger(MembershipEmails.class);

    private final KnownMemberships memberships;
    private final Outbox outbox;
    private final MessageIds messageIds;
    private final Clock clock;

    MembershipEmails(KnownMemberships memberships, Outbox outbox, MessageIds messageIds, Clock clock) {
        this.memberships = memberships;
        this.outbox = outbox;
        this.messageIds = messageIds;
        this.clock = clock;
    }

    @EventHandler
    void on(MembershipRequested event) {
        memberships.requested(event);
    }

    @EventHandler
    void on(MembershipPeriodPaid event, ReplayStatus replay) {
        boolean first = memberships.paidFirstPeriod(event.membershipId(), event.invoiceId());
        if (replay.isReplay()) {
            return;
        }
        if (!clock.instant().isBefore(event.period().end())) {
            notSending(event.membershipId(), "the period paid for is over");
        } else if (first) {
            write(
                    event.membershipId(),
                    null,
                    EmailKind.MEMBERSHIP_STARTED,
                    m -> MembershipEmailTemplates.started(m, event));
        } else {
            write(
                    event.membershipId(),
                    event.invoiceId(),
                    EmailKind.MEMBERSHIP_RENEWED,
                    m -> MembershipEmailTemplates.renewed(m, event));
        }
    }

    @EventHandler
    @DisallowReplay
    void on(MembershipPaymentFailed event) {
        if (!clock.instant().isBefore(event.graceEndsAt())) {
            notSending(event.membershipId(), "its grace period is over");
            return;
        }
        write(
                event.membershipId(),
                event.invoiceId(),
                EmailKind.MEMBERSHIP_PAYMENT_FAILED,
                m -> MembershipEmailTemplates.paymentFailed(m, event));
    }

    @EventHandler
    @DisallowReplay
    void on(MembershipSuspended event) {
        write(
                event.membershipId(),
                event.invoiceId(),
                EmailKind.MEMBERSHIP_SUSPENDED,
                MembershipEmailTemplates::suspended);
    }

    /** A membership that never started (cancelled before its first payment) did not begin, so it does not end. */
    @EventHandler
    @DisallowReplay
    void on(MembershipEnded event) {
        if (!memberships.everPaid(event.membershipId())) {
            notSending(event.membershipId(), "it never started");
            return;
        }
        write(event.membershipId(), null, EmailKind.MEMBERSHIP_ENDED, MembershipEmailTemplates::ended);
    }

    @ResetHandler
    void reset() {
        memberships.forgetAll();
    }

    private void write(
            MembershipId membershipId, String invoiceId, EmailKind kind, Function<MembershipDetails, Email> template) {
        MembershipDetails membership = memberships
                .find(membershipId)
                .orElseThrow(() -> new IllegalStateException(
                        "membership " + membershipId.value() + " or its member is unknown to the notifications"));
        outbox.add(
                membershipId,
                invoiceId,
                kind,
                template.apply(membership),
                messageIds.of(membershipId, invoiceId, kind));
    }

    private static void notSending(MembershipId membershipId, String reason) {
        log.info("Not sending an email of membership {}: {}", membershipId.value(), reason);
    }
}
