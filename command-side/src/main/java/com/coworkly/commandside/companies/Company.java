package com.coworkly.commandside.companies;

import com.coworkly.commandside.catalogue.KnownMembers;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A business's account with the network: its administrators, and the members who hold its seats. A member holds
 * one company's seat at most (docs/memberships.md#companies).
 */
@Aggregate
class Company {

    @AggregateIdentifier
    private CompanyId companyId;

    private final Set<MemberId> administrators = new HashSet<>();
    private final Set<MemberId> seats = new HashSet<>();

    Company() {
        // for Axon
    }

    @CommandHandler
    Company(RegisterCompany command) {
        apply(new CompanyRegistered(command.companyId(), command.name(), command.billingAddress(), command.vatId()));
    }

    /** Appointing an administrator twice is not an error: they simply are one already. */
    @CommandHandler
    void handle(AppointCompanyAdministrator command, KnownMembers members) {
        if (!members.exists(command.memberId())) {
            throw CompanyRefusal.unknownMember(command.memberId());
        }
        if (!administrators.contains(command.memberId())) {
            apply(new CompanyAdministratorAppointed(companyId, command.memberId()));
        }
    }

    /**
     * The company's administrators and the network's add members. The seat is checked under the member's lock
     * against every company's seats, so two companies adding one member at once give it to one of them.
     */
    @CommandHandler
    void handle(AddCompanyMember command, Actor actor, KnownMembers members, CompanySeats allSeats) {
        requireAdministeredBy(actor);
        if (!members.exists(command.memberId())) {
            throw CompanyRefusal.unknownMember(command.memberId());
        }
        if (seats.contains(command.memberId())) {
            return;
        }
        allSeats.lockAndFind(command.memberId()).ifPresent(other -> {
            throw CompanyRefusal.inAnotherCompany(command.memberId());
        });
        apply(new CompanyMemberAdded(companyId, command.memberId()));
    }

    /** Removing a member who holds no seat here changes nothing; naming no member at all is refused. */
    @CommandHandler
    void handle(RemoveCompanyMember command, Actor actor, KnownMembers members) {
        requireAdministeredBy(actor);
        if (!members.exists(command.memberId())) {
            throw CompanyRefusal.unknownMember(command.memberId());
        }
        if (seats.contains(command.memberId())) {
            apply(new CompanyMemberRemoved(companyId, command.memberId()));
        }
    }

    private void requireAdministeredBy(Actor actor) {
        if (!actor.is(Role.ADMIN) && !administrators.contains(new MemberId(actor.id()))) {
            throw CompanyRefusal.notYours();
        }
    }

    @EventSourcingHandler
    void on(CompanyRegistered event) {
        companyId = event.companyId();
    }

    @EventSourcingHandler
    void on(CompanyAdministratorAppointed event) {
        administrators.add(event.memberId());
    }

    @EventSourcingHandler
    void on(CompanyMemberAdded event) {
        seats.add(event.memberId());
    }

    @EventSourcingHandler
    void on(CompanyMemberRemoved event) {
        seats.remove(event.memberId());
    }
}
