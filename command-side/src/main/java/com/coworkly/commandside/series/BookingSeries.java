package com.coworkly.commandside.series;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.booking.BookingSeriesCancelled;
import com.coworkly.events.booking.BookingSeriesPlaced;
import com.coworkly.events.booking.SeriesOccurrence;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SeriesId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.security.Role;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A series of recurring bookings (series in local time, docs/domain.md): which bookings it placed, for whom. Each
 * occurrence lives its own life as a {@link Booking}; the series is what lets the member pay for them as one and cancel
 * the rest of them at once.
 */
@Aggregate
public class BookingSeries {

    @AggregateIdentifier
    private SeriesId seriesId;

    private SpaceId spaceId;
    private MemberId memberId;
    private List<SeriesOccurrence> occurrences;

    BookingSeries() {
        // for Axon
    }

    BookingSeries(BookingSeriesPlaced placed) {
        apply(placed);
    }

    /** Refuses anyone who is neither the series' member nor staff of its space (an administrator, a manager). */
    void requireMemberOrStaff(Actor actor, SpaceDirectory spaces) {
        boolean staff = actor.is(Role.ADMIN) || spaces.isManagedBy(spaceId, new MemberId(actor.id()));
        if (!staff && !actor.isMember(memberId)) {
            throw SeriesRefusal.notYours();
        }
    }

    void requireMember(Actor actor) {
        if (!actor.isMember(memberId)) {
            throw SeriesRefusal.notYours();
        }
    }

    MemberId member() {
        return memberId;
    }

    List<BookingId> bookings() {
        return occurrences.stream().map(SeriesOccurrence::bookingId).toList();
    }

    List<BookingId> bookingsStartingFrom(Instant from) {
        return occurrences.stream()
                .filter(occurrence -> !occurrence.period().start().isBefore(from))
                .map(SeriesOccurrence::bookingId)
                .toList();
    }

    void recordCancellation(Instant from, Actor actor, List<BookingId> cancelled) {
        if (!cancelled.isEmpty()) {
            apply(new BookingSeriesCancelled(seriesId, memberId, from, actor.id(), cancelled));
        }
    }

    @EventSourcingHandler
    void on(BookingSeriesPlaced event) {
        seriesId = event.seriesId();
        spaceId = event.spaceId();
        memberId = event.memberId();
        occurrences = event.occurrences();
    }
}
