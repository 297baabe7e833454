package com.coworkly.commandside.identity;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.identity.MemberRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A member of the network. Their credentials belong to the account, not to the event history. */
@Aggregate
class Member {

    @AggregateIdentifier
    private MemberId memberId;

    Member() {
        // for Axon
    }

    /** The account is opened in the same transaction, so a taken email stores no member at all. */
    @CommandHandler
    Member(RegisterMember command, Accounts accounts) {
        accounts.open(command.memberId(), command.email(), command.password());
        apply(new MemberRegistered(command.memberId(), command.email(), command.name()));
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
    }
}
