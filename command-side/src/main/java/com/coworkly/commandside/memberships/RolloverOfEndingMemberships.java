package com.coworkly.commandside.memberships;

import com.coworkly.commandside.credits.CreditLedgers;
import com.coworkly.commandside.credits.EndRollover;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Credits roll over into a next period only if there will be one: once a membership is cancelled, suspended or
 * ended, its ledger stops carrying minutes over, in the same transaction (a subscribing processor). So a member who
 * cancels keeps no credits past the period paid for.
 */
@Component
@ProcessingGroup("membership-credits")
class RolloverOfEndingMemberships {

    private final CreditLedgers ledgers;

    RolloverOfEndingMemberships(CreditLedgers ledgers) {
        this.ledgers = ledgers;
    }

    @EventHandler
    void on(MembershipCancellationScheduled event) {
        ledgers.endRollover(new EndRollover(CreditAccountId.ofMember(event.memberId()), "membership cancelled"));
    }

    @EventHandler
    void on(MembershipSuspended event) {
        ledgers.endRollover(new EndRollover(CreditAccountId.ofMember(event.memberId()), "membership suspended"));
    }

    @EventHandler
    void on(MembershipEnded event) {
        ledgers.endRollover(new EndRollover(CreditAccountId.ofMember(event.memberId()), "membership ended"));
    }
}
