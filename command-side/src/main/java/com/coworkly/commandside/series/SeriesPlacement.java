package com.coworkly.commandside.series;

import com.coworkly.commandside.booking.BookingLedger;
import com.coworkly.commandside.booking.BookingQuotaRule;
import com.coworkly.commandside.booking.BookingRefusal;
import com.coworkly.commandside.booking.Bookings;
import com.coworkly.commandside.booking.MemberQuota;
import com.coworkly.commandside.booking.PlaceBooking;
import com.coworkly.commandside.booking.PlacementPolicy;
import com.coworkly.commandside.booking.PlacementTerms;
import com.coworkly.commandside.booking.Quote;
import com.coworkly.commandside.catalogue.BookableTerms;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.events.booking.BookingSeriesPlaced;
import com.coworkly.events.booking.SeriesOccurrence;
import com.coworkly.events.booking.SkippedOccurrence;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.platform.web.BusinessRefusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places a series (series in local time, docs/domain.md): every occurrence is held to every placement rule, the
 * three-at-a-time limit counting the series' own occurrences too, and the series and all its bookings are stored in one
 * transaction, under the member's lock and the resource's exclusion constraint, so it races single bookings all or
 * nothing.
 */
@Component
public class SeriesPlacement {

    public record Booked(BookingId bookingId, Period period, Money price) {}

    public record SeriesPlaced(List<Booked> booked, List<SkippedOccurrence> skipped, Money total, ZoneId timeZone) {}

    private record Accepted(BookingId bookingId, Period period, Quote quote) {}

    private final PlacementTerms placementTerms;
    private final Bookings bookings;
    private final Repository<BookingSeries> series;
    private final BookingLedger ledger;
    private final Clock clock;

    SeriesPlacement(
            PlacementTerms placementTerms,
            Bookings bookings,
            @Qualifier("bookingSeriesRepository") Repository<BookingSeries> series,
            BookingLedger ledger,
            Clock clock) {
        this.placementTerms = placementTerms;
        this.bookings = bookings;
        this.series = series;
        this.ledger = ledger;
        this.clock = clock;
    }

    @CommandHandler
    SeriesPlaced handle(PlaceBookingSeries command) throws Exception {
        PlacementTerms.Terms placement = placementTerms.of(command.resourceId());
        BookableTerms terms = placement.resource();
        SpaceTerms space = placement.space();
        Instant now = clock.instant();
        Recurrence recurrence = Recurrence.parse(command.recurrence(), space.timeZone());
        List<PlannedOccurrence> planned = PlannedOccurrence.of(command.first(), recurrence, space.timeZone());
        requireWithinHorizon(planned, terms, now);

        ledger.lockMember(command.memberId());
        List<Period> heldByMember = new ArrayList<>(ledger.livePeriodsOf(command.memberId(), spanOf(planned)));
        BookingQuotas quotas = placement.quotas();
        List<Period> heldInSpace = new ArrayList<>();
        Period ahead = spanOf(planned);
        if (!quotas.isNone() && ahead.end().isAfter(now)) {
            // Only what is ahead can be booked; the past occurrences are refused as such below (and a series of
            // long ago has no local calendar to count quotas in).
            ahead = new Period(ahead.start().isAfter(now) ? ahead.start() : now, ahead.end());
            heldInSpace.addAll(ledger.livePeriodsInSpace(
                    command.memberId(), terms.spaceId(), BookingQuotaRule.span(quotas, space.timeZone(), ahead)));
        }
        List<Accepted> accepted = new ArrayList<>();
        List<SkippedOccurrence> conflicts = new ArrayList<>();
        for (PlannedOccurrence occurrence : planned) {
            try {
                Period period = occurrence.period().orElseThrow(SeriesRefusal::localTimeDoesNotExist);
                Quote quote = PlacementPolicy.quote(terms, space, period, now);
                Period held = quote.buffers().around(period);
                List<Period> heldBySeries = accepted.stream()
                        .map(other -> other.quote().buffers().around(other.period()))
                        .toList();
                if (terms.isPool()) {
                    ledger.requireSeat(command.resourceId(), held, terms.seats(), heldBySeries);
                } else {
                    ledger.requireFree(command.resourceId(), held);
                    if (heldBySeries.stream().anyMatch(other -> other.overlaps(held))) {
                        throw BookingRefusal.slotUnavailable();
                    }
                }
                if (!MemberQuota.allows(heldByMember, period)) {
                    throw BookingRefusal.memberLimitReached(MemberQuota.SIMULTANEOUS_BOOKINGS);
                }
                Optional<BookingQuotaRule.Exceeded> beyondQuota =
                        BookingQuotaRule.exceededBy(quotas, space.timeZone(), heldInSpace, period);
                if (beyondQuota.isPresent()) {
                    throw BookingRefusal.quotaReached(beyondQuota.get());
                }
                heldByMember.add(period);
                heldInSpace.add(period);
                accepted.add(new Accepted(BookingId.random(), period, quote));
            } catch (BookingRefusal | SeriesRefusal refusal) {
                conflicts.add(skipped(occurrence, refusal));
            }
        }
        if (accepted.isEmpty()) {
            throw SeriesRefusal.nothingBookable(conflicts);
        }
        if (!conflicts.isEmpty() && command.onConflict() == OnConflict.REJECT) {
            throw SeriesRefusal.conflicts(conflicts);
        }
        return place(command, space, recurrence, accepted, conflicts);
    }

    /**
     * The bookings first and the series last: the series' event then has the highest position of the
     * transaction, and a read-your-writes wait for it covers every occurrence.
     */
    private SeriesPlaced place(
            PlaceBookingSeries command,
            SpaceTerms space,
            Recurrence recurrence,
            List<Accepted> accepted,
            List<SkippedOccurrence> skipped)
            throws Exception {
        for (Accepted occurrence : accepted) {
            PlaceBooking booking = new PlaceBooking(
                    occurrence.bookingId(), command.resourceId(), command.memberId(), occurrence.period());
            bookings.place(booking, occurrence.quote(), command.seriesId());
        }
        Quote first = accepted.get(0).quote();
        series.newInstance(() -> new BookingSeries(new BookingSeriesPlaced(
                command.seriesId(),
                command.resourceId(),
                first.spaceId(),
                command.memberId(),
                recurrence.rule(),
                space.timeZone(),
                accepted.stream()
                        .map(occurrence -> new SeriesOccurrence(occurrence.bookingId(), occurrence.period()))
                        .toList(),
                skipped)));
        Money total = accepted.stream()
                .map(occurrence -> occurrence.quote().price())
                .reduce(Money.zero(space.currency()), Money::plus);
        return new SeriesPlaced(
                accepted.stream()
                        .map(occurrence -> new Booked(
                                occurrence.bookingId(),
                                occurrence.period(),
                                occurrence.quote().price()))
                        .toList(),
                skipped,
                total,
                space.timeZone());
    }

    /** The whole series must fit the horizon: a series is not silently cut short. */
    private static void requireWithinHorizon(List<PlannedOccurrence> planned, BookableTerms terms, Instant now) {
        Duration horizon = terms.bookingPolicy().horizon();
        boolean beyond = planned.stream()
                .flatMap(occurrence -> occurrence.period().stream())
                .anyMatch(period -> period.start().isAfter(now.plus(horizon)));
        if (beyond) {
            throw SeriesRefusal.beyondHorizon(horizon);
        }
    }

    private static Period spanOf(List<PlannedOccurrence> planned) {
        List<Period> periods = planned.stream()
                .flatMap(occurrence -> occurrence.period().stream())
                .toList();
        Instant start =
                periods.stream().map(Period::start).min(Instant::compareTo).orElseThrow();
        Instant end = periods.stream().map(Period::end).max(Instant::compareTo).orElseThrow();
        return new Period(start, end);
    }

    private static SkippedOccurrence skipped(PlannedOccurrence occurrence, BusinessRefusal refusal) {
        return new SkippedOccurrence(
                occurrence.localStart(), occurrence.localEnd(), refusal.code().name(), refusal.getMessage());
    }
}
