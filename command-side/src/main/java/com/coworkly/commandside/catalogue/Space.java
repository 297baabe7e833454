package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.BookingQuotasChanged;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.catalogue.LegalEntityAssigned;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A coworking space of the network: its terms, who manages it, who sells its bookings, and its booking quotas. */
@Aggregate(snapshotTriggerDefinition = "catalogueSnapshotTrigger")
class Space {

    @AggregateIdentifier
    private SpaceId spaceId;

    private final Set<MemberId> managers = new HashSet<>();
    private LegalEntity legalEntity;
    private BookingQuotas quotas = BookingQuotas.NONE;

    Space() {
        // for Axon
    }

    /** The space's invoice prefix is decided here, once, and recorded: numbers never depend on a later rename. */
    @CommandHandler
    Space(RegisterSpace command, SpaceDirectory directory) {
        String invoicePrefix =
                InvoicePrefix.chooseFor(command.invoicePrefix(), command.name(), directory::isInvoicePrefixTaken);
        apply(new SpaceRegistered(
                command.spaceId(),
                command.name(),
                command.timeZone(),
                command.currency(),
                command.vatRatePercent(),
                command.cancellationPolicy(),
                command.address(),
                command.reminderLead(),
                invoicePrefix));
    }

    /** Assigning the entity the space already has records nothing: its invoices' seller does not change. */
    @CommandHandler
    void handle(AssignLegalEntity command) {
        if (!command.legalEntity().equals(legalEntity)) {
            apply(new LegalEntityAssigned(spaceId, command.legalEntity()));
        }
    }

    /** Granting a manager twice is not an error: the member simply is a manager already. */
    @CommandHandler
    void handle(GrantManager command, KnownMembers members) {
        if (!members.exists(command.memberId())) {
            throw CatalogueRefusal.unknownMember(command.memberId());
        }
        if (!managers.contains(command.memberId())) {
            apply(new ManagerGranted(spaceId, command.memberId()));
        }
    }

    /**
     * The space's managers (and administrators) cap what one member may book here; the bookings already made stand.
     * The same caps again record nothing.
     */
    @CommandHandler
    void handle(SetBookingQuotas command, Actor actor, SpaceDirectory spaces) {
        ManagementPolicy.requireMayManage(actor, spaceId, spaces);
        if (!command.quotas().equals(quotas)) {
            apply(new BookingQuotasChanged(spaceId, command.quotas()));
        }
    }

    @EventSourcingHandler
    void on(BookingQuotasChanged event) {
        quotas = event.quotas();
    }

    @EventSourcingHandler
    void on(SpaceRegistered event) {
        spaceId = event.spaceId();
    }

    @EventSourcingHandler
    void on(LegalEntityAssigned event) {
        legalEntity = event.legalEntity();
    }

    @EventSourcingHandler
    void on(ManagerGranted event) {
        managers.add(event.memberId());
    }
}
