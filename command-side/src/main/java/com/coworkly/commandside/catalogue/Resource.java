package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.BookingPolicyChanged;
import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.BuffersChanged;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceRepriced;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SeatsChanged;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A bookable desk, room or office: its description, price, opening hours and booking policy. */
@Aggregate(snapshotTriggerDefinition = "catalogueSnapshotTrigger")
public class Resource {

    @AggregateIdentifier
    private ResourceId resourceId;

    private SpaceId spaceId;
    private ResourceDescription description;
    private Money hourlyPrice;
    private WeeklyOpeningHours openingHours;
    private BookingPolicy bookingPolicy;
    private Buffers buffers = Buffers.NONE;
    private int seats = 1;
    private boolean retired;
    /** Active maintenance blocks by id; needed to refuse lifting a block that is not there. */
    private final Map<String, Period> blocks = new HashMap<>();

    Resource() {
        // for Axon
    }

    @CommandHandler
    Resource(AddResource command, Actor actor, SpaceDirectory spaces) {
        ManagementPolicy.requireMayManage(actor, command.spaceId(), spaces);
        Currency currency = spaces.termsOf(command.spaceId()).orElseThrow().currency();
        requirePricedIn(command.hourlyPrice(), currency);
        apply(new ResourceAdded(
                command.resourceId(),
                command.spaceId(),
                command.description(),
                command.hourlyPrice(),
                command.openingHours(),
                command.bookingPolicy()));
    }

    @CommandHandler
    void handle(ReviseResource command, Actor actor, SpaceDirectory spaces) {
        ManagementPolicy.requireMayManage(actor, spaceId, spaces);
        if (retired) {
            throw CatalogueRefusal.retired(resourceId);
        }
        requirePricedIn(command.hourlyPrice(), hourlyPrice.currency());
        if (!command.description().equals(description)) {
            apply(new ResourceDescriptionRevised(resourceId, spaceId, command.description()));
        }
        if (!command.hourlyPrice().equals(hourlyPrice)) {
            apply(new ResourceRepriced(resourceId, spaceId, command.hourlyPrice()));
        }
        if (!command.openingHours().equals(openingHours)) {
            apply(new OpeningHoursChanged(resourceId, spaceId, command.openingHours()));
        }
        if (!command.bookingPolicy().equals(bookingPolicy)) {
            apply(new BookingPolicyChanged(resourceId, spaceId, command.bookingPolicy()));
        }
    }

    /**
     * Buffers count for bookings placed from now on; the bookings already made keep the buffers they were placed
     * with, so none of them comes to overlap another. Setting the same buffers again changes nothing.
     */
    @CommandHandler
    void handle(SetBuffers command, Actor actor, SpaceDirectory spaces) {
        ManagementPolicy.requireMayManage(actor, spaceId, spaces);
        if (retired) {
            throw CatalogueRefusal.retired(resourceId);
        }
        if (!command.buffers().equals(buffers)) {
            apply(new BuffersChanged(resourceId, spaceId, command.buffers()));
        }
    }

    /**
     * Seats count for bookings placed from now on; the bookings already made stand, even beyond fewer seats. The
     * same number again changes nothing.
     */
    @CommandHandler
    void handle(SetSeats command, Actor actor, SpaceDirectory spaces) {
        ManagementPolicy.requireMayManage(actor, spaceId, spaces);
        if (retired) {
            throw CatalogueRefusal.retired(resourceId);
        }
        if (command.seats() != seats) {
            apply(new SeatsChanged(resourceId, spaceId, command.seats()));
        }
    }

    /** Retiring a retired resource changes nothing and is not an error. */
    @CommandHandler
    void handle(RetireResource command, Actor actor, SpaceDirectory spaces) {
        ManagementPolicy.requireMayManage(actor, spaceId, spaces);
        if (!retired) {
            apply(new ResourceRetired(resourceId, spaceId));
        }
    }

    /** For a booking being placed: what this resource offers right now. */
    public BookableTerms bookableTerms() {
        return new BookableTerms(
                resourceId,
                spaceId,
                description.kind(),
                hourlyPrice,
                openingHours,
                bookingPolicy,
                buffers,
                seats,
                retired);
    }

    /** Checked before any booking is displaced, so that nobody else learns which bookings a block would hit. */
    public void requireMayBeBlockedBy(Actor actor, SpaceDirectory spaces) {
        ManagementPolicy.requireMayManage(actor, spaceId, spaces);
    }

    /**
     * Overlaps with bookings and other blocks are the ledger's to refuse (no double booking, docs/domain.md), in the
     * same transaction.
     */
    public void block(BlockId blockId, Period period, String reason) {
        apply(new ResourceBlocked(resourceId, spaceId, blockId, period, reason));
    }

    @CommandHandler
    void handle(RemoveBlock command, Actor actor, SpaceDirectory spaces) {
        ManagementPolicy.requireMayManage(actor, spaceId, spaces);
        Period period = blocks.get(command.blockId().value());
        if (period == null) {
            throw CatalogueRefusal.unknownBlock(command.blockId());
        }
        apply(new BlockRemoved(resourceId, spaceId, command.blockId(), period));
    }

    private static void requirePricedIn(Money price, Currency currency) {
        if (!price.isIn(currency)) {
            throw CatalogueRefusal.priceInWrongCurrency(currency);
        }
    }

    @EventSourcingHandler
    void on(ResourceAdded event) {
        resourceId = event.resourceId();
        spaceId = event.spaceId();
        description = event.description();
        hourlyPrice = event.hourlyPrice();
        openingHours = event.openingHours();
        bookingPolicy = event.bookingPolicy();
    }

    @EventSourcingHandler
    void on(ResourceDescriptionRevised event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(ResourceRepriced event) {
        hourlyPrice = event.hourlyPrice();
    }

    @EventSourcingHandler
    void on(OpeningHoursChanged event) {
        openingHours = event.openingHours();
    }

    @EventSourcingHandler
    void on(BookingPolicyChanged event) {
        bookingPolicy = event.bookingPolicy();
    }

    @EventSourcingHandler
    void on(BuffersChanged event) {
        buffers = event.buffers();
    }

    @EventSourcingHandler
    void on(SeatsChanged event) {
        seats = event.seats();
    }

    @EventSourcingHandler
    void on(ResourceRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(ResourceBlocked event) {
        blocks.put(event.blockId().value(), event.period());
    }

    @EventSourcingHandler
    void on(BlockRemoved event) {
        blocks.remove(event.blockId().value());
    }
}
