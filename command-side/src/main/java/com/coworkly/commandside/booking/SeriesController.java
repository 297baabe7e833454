package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.SkippedOccurrence;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SeriesId;
import com.coworkly.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

@RestController
@Tag(name = "Bookings")
class SeriesController {

    record PlaceSeriesRequest(@NotNull ResourceId resourceId,
                              @Schema(description = "start of the first occurrence") @NotNull OffsetDateTime start,
                              @Schema(description = "end of the first occurrence") @NotNull OffsetDateTime end,
                              @Schema(description = "an RFC 5545 RRULE: FREQ=DAILY or WEEKLY, INTERVAL, BYDAY, and "
                                      + "COUNT or UNTIL (at most 52 occurrences)", example = "FREQ=WEEKLY;BYDAY=MO;COUNT=10")
                              @NotBlank @Size(max = 200) String recurrence,
                              @Schema(description = "REJECT (default): book nothing if an occurrence conflicts; "
                                      + "SKIP: book the others") OnConflict onConflict) {
    }

    record OccurrenceView(BookingId bookingId, OffsetDateTime start, OffsetDateTime end, long price) {
    }

    /** {@code start} and {@code end} are null for an occurrence whose local time the clocks skip. */
    record SkippedView(LocalDateTime localStart, LocalDateTime localEnd, OffsetDateTime start, OffsetDateTime end,
                       String code, String detail) {
    }

    record SeriesPlacedResponse(SeriesId seriesId, List<BookingId> bookingIds, List<OccurrenceView> occurrences,
                                List<SkippedView> skipped, BookingStatus status, long price, String currency,
                                BookingCheckout.Payment payment) {
    }

    record SeriesPaymentResponse(SeriesId seriesId, BookingStatus status, long price, String currency,
                                 BookingCheckout.Payment payment) {
    }

    record CancelSeriesRequest(@Schema(description = "cancel occurrences starting at or after this; default now")
                               OffsetDateTime from) {
    }

    record CancelledOccurrence(BookingId bookingId, long fee, long refund) {
    }

    record SeriesCancelledResponse(SeriesId seriesId, List<CancelledOccurrence> cancelled, long fee, long refund,
                                   String currency) {
    }

    private final CommandSender commands;
    private final BookingCheckout checkout;

    SeriesController(CommandSender commands, BookingCheckout checkout) {
        this.commands = commands;
        this.checkout = checkout;
    }

    @PostMapping("/api/bookings/series")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Book a resource again and again by a recurrence rule, and get what you need to pay the "
            + "whole series at once (MEMBER)")
    ResponseEntity<SeriesPlacedResponse> place(@Valid @RequestBody PlaceSeriesRequest request) {
        PlaceBookingSeries command = new PlaceBookingSeries(SeriesId.random(), request.resourceId(),
                new MemberId(CurrentCaller.require().memberId()),
                new Period(request.start().toInstant(), request.end().toInstant()), request.recurrence(),
                request.onConflict() == null ? OnConflict.REJECT : request.onConflict());
        BookingCheckout.SeriesCheckedOut placed = checkout.place(command);
        SeriesPlacement.SeriesPlaced series = placed.series();
        BookingCheckout.CheckedOut payment = placed.payment();
        ZoneId zone = series.timeZone();
        return ResponseEntity.created(URI.create("/api/members/me/bookings"))
                .header(Accepted.EVENT_POSITION_HEADER, Long.toString(payment.eventPosition()))
                .body(new SeriesPlacedResponse(command.seriesId(),
                        series.booked().stream().map(SeriesPlacement.Booked::bookingId).toList(),
                        series.booked().stream().map(booked -> new OccurrenceView(booked.bookingId(),
                                local(booked.period().start(), zone), local(booked.period().end(), zone),
                                booked.price().minorUnits())).toList(),
                        series.skipped().stream().map(skipped -> skippedView(skipped, zone)).toList(),
                        payment.status(), series.total().minorUnits(), series.total().currency().getCurrencyCode(),
                        payment.payment().orElse(null)));
    }

    @PostMapping("/api/bookings/series/{seriesId}/payment")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Get what you need to pay your unpaid series again (its MEMBER)")
    ResponseEntity<SeriesPaymentResponse> payAgain(@PathVariable SeriesId seriesId) {
        BookingCheckout.CheckedOut payment = checkout.payAgain(new RequestSeriesPayment(seriesId));
        return ResponseEntity.ok()
                .header(Accepted.EVENT_POSITION_HEADER, Long.toString(payment.eventPosition()))
                .body(new SeriesPaymentResponse(seriesId, payment.status(),
                        payment.price().minorUnits(), payment.price().currency().getCurrencyCode(),
                        payment.payment().orElse(null)));
    }

    @PostMapping("/api/bookings/series/{seriesId}/cancel")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Cancel the occurrences of a series from a time on, each with its own fee rule (its MEMBER; "
            + "MANAGER of its space or ADMIN, free)")
    ResponseEntity<SeriesCancelledResponse> cancel(@PathVariable SeriesId seriesId,
                                                   @Valid @RequestBody(required = false) CancelSeriesRequest request) {
        Accepted<SeriesCancellation.Cancelled> accepted = commands.send(new CancelBookingSeries(seriesId,
                request == null || request.from() == null ? null : request.from().toInstant()));
        List<BookingCancelled> cancellations = accepted.result().cancellations();
        List<CancelledOccurrence> cancelled = cancellations.stream().map(c -> new CancelledOccurrence(c.bookingId(),
                c.fee().minorUnits(), c.refund().minorUnits())).toList();
        String currency = cancellations.get(0).fee().currency().getCurrencyCode();
        return accepted.ok(new SeriesCancelledResponse(seriesId, cancelled,
                cancellations.stream().map(BookingCancelled::fee).mapToLong(Money::minorUnits).sum(),
                cancellations.stream().map(BookingCancelled::refund).mapToLong(Money::minorUnits).sum(), currency));
    }

    private static OffsetDateTime local(java.time.Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    private static SkippedView skippedView(SkippedOccurrence skipped, ZoneId zone) {
        return new SkippedView(skipped.localStart(), skipped.localEnd(), offsetOf(skipped.localStart(), zone),
                offsetOf(skipped.localEnd(), zone), skipped.code(), skipped.detail());
    }

    private static OffsetDateTime offsetOf(LocalDateTime local, ZoneId zone) {
        return zone.getRules().getValidOffsets(local).isEmpty() ? null
                : ZonedDateTime.ofLocal(local, zone, null).toOffsetDateTime();
    }
}
