package com.coworkly.commandside.maintenance;

import com.coworkly.commandside.booking.BookingLedger;
import com.coworkly.commandside.booking.BookingRefusal;
import com.coworkly.commandside.booking.Bookings;
import com.coworkly.commandside.booking.DisplaceBooking;
import com.coworkly.commandside.catalogue.Resource;
import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.BookingId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Maintenance displaces only when asked. A block over live bookings is refused, naming them, unless the manager
 * asks to displace them: then each is cancelled with a full refund before the block is recorded, all in one
 * transaction, so the block and the cancellations stand or fall together. A block that is already over is
 * refused: it would keep nothing free, and would only be noise in the resource's history (a fuzzer blocked a desk
 * in the year 0).
 */
@Component
class MaintenanceScheduling {

    record Blocked(BlockId blockId, List<BookingId> displaced) {}

    static final String DISPLACEMENT_NOTE = "maintenance";

    private final Repository<Resource> resources;
    private final Bookings bookings;
    private final BookingLedger ledger;
    private final SpaceDirectory spaces;
    private final Clock clock;

    MaintenanceScheduling(
            @Qualifier("resourceRepository") Repository<Resource> resources,
            Bookings bookings,
            BookingLedger ledger,
            SpaceDirectory spaces,
            Clock clock) {
        this.resources = resources;
        this.bookings = bookings;
        this.ledger = ledger;
        this.spaces = spaces;
        this.clock = clock;
    }

    @CommandHandler
    Blocked handle(BlockResource command, Actor actor) {
        Aggregate<Resource> resource = resources.load(command.resourceId().value());
        resource.execute(r -> r.requireMayBeBlockedBy(actor, spaces));
        Instant now = clock.instant();
        if (!command.period().end().isAfter(now)) {
            throw BookingRefusal.blockInThePast();
        }
        // A pool's seats are counted under its lock, not in the exclusion constraint: the block waits for the
        // placements counting them, and they for it.
        ledger.lockResource(command.resourceId());
        List<BookingId> overlapping = ledger.liveBookingsOverlapping(command.resourceId(), command.period());
        if (!overlapping.isEmpty() && !command.displace()) {
            throw BookingRefusal.blockedByBookings(overlapping);
        }
        overlapping.forEach(booking -> bookings.decide(new DisplaceBooking(booking, DISPLACEMENT_NOTE, now)));
        resource.execute(r -> r.block(command.blockId(), command.period(), command.reason()));
        return new Blocked(command.blockId(), overlapping);
    }
}
