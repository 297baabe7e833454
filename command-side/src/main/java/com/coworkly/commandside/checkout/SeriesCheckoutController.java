package com.coworkly.commandside.checkout;

import com.coworkly.commandside.booking.BookingStatus;
import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.series.OnConflict;
import com.coworkly.commandside.series.PlaceBookingSeries;
import com.coworkly.commandside.series.RequestSeriesPayment;
import com.coworkly.commandside.series.SeriesPlacement;
import com.coworkly.events.booking.SkippedOccurrence;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
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
class SeriesCheckoutController {

    record PlaceSeriesRequest(
            @NotNull ResourceId resourceId,

            @Schema(description = "start of the first occurrence") @NotNull
            OffsetDateTime start,

            @Schema(description = "end of the first occurrence") @NotNull
            OffsetDateTime end,

            @Schema(
                    description = "an RFC 5545 RRULE: FREQ=DAILY or WEEKLY, INTERVAL, BYDAY, and "
                            + "COUNT or UNTIL (at most 52 occurrences)",
                    example = "FREQ=WEEKLY;BYDAY=MO;COUNT=10")
            @NotBlank
            @Size(max = 200)
            String recurrence,

            @Schema(
                    description =
                            "REJECT (default): book nothing if an occurrence conflicts; " + "SKIP: book the others")
            OnConflict onConflict) {}

    record OccurrenceView(BookingId bookingId, OffsetDateTime start, OffsetDateTime end, long price) {}

    /** {@code start} and {@code end} are null for an occurrence whose local time the clocks skip. */
    record SkippedView(
            LocalDateTime localStart,
            LocalDateTime localEnd,
            OffsetDateTime start,
            OffsetDateTime end,
            String code,
            String detail) {}

    record SeriesPlacedResponse(
            SeriesId seriesId,
            List<BookingId> bookingIds,
            List<OccurrenceView> occurrences,
            List<SkippedView> skipped,
            BookingStatus status,
            long price,
            String currency,
            BookingCheckout.Payment payment) {}

    record SeriesPaymentResponse(
            SeriesId seriesId, BookingStatus status, long price, String currency, BookingCheckout.Payment payment) {}

    private final BookingCheckout checkout;

    SeriesCheckoutController(BookingCheckout checkout) {
        this.checkout = checkout;
    }

    @PostMapping("/api/bookings/series")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(
            summary = "Book a resource again and again by a recurrence rule, and get what you need to pay the "
                    + "whole series at once (MEMBER)")
    ResponseEntity<SeriesPlacedResponse> place(@Valid @RequestBody PlaceSeriesRequest request) {
        PlaceBookingSeries command = new PlaceBookingSeries(
                SeriesId.random(),
                request.resourceId(),
                new MemberId(CurrentCaller.require().memberId()),
                new Period(request.start().toInstant(), request.end().toInstant()),
                request.recurrence(),
                request.onConflict() == null ? OnConflict.REJECT : request.onConflict());
        BookingCheckout.SeriesCheckedOut placed = checkout.place(command);
        SeriesPlacement.SeriesPlaced series = placed.series();
        BookingCheckout.CheckedOut payment = placed.payment();
        ZoneId zone = series.timeZone();
        return ResponseEntity.created(URI.create("/api/members/me/bookings"))
                .header(Accepted.EVENT_POSITION_HEADER, Long.toString(payment.eventPosition()))
                .body(new SeriesPlacedResponse(
                        command.seriesId(),
                        series.booked().stream()
                                .map(SeriesPlacement.Booked::bookingId)
                                .toList(),
                        series.booked().stream()
                                .map(booked -> new OccurrenceView(
                                        booked.bookingId(),
                                        local(booked.period().start(), zone),
                                        local(booked.period().end(), zone),
                                        booked.price().minorUnits()))
                                .toList(),
                        series.skipped().stream()
                                .map(skipped -> skippedView(skipped, zone))
                                .toList(),
                        payment.status(),
                        series.total().minorUnits(),
                        series.total().currency().getCurrencyCode(),
                        payment.payment().orElse(null)));
    }

    @PostMapping("/api/bookings/series/{seriesId}/payment")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Get what you need to pay your unpaid series again (its MEMBER)")
    ResponseEntity<SeriesPaymentResponse> payAgain(@PathVariable SeriesId seriesId) {
        BookingCheckout.CheckedOut payment = checkout.payAgain(new RequestSeriesPayment(seriesId));
        return ResponseEntity.ok()
                .header(Accepted.EVENT_POSITION_HEADER, Long.toString(payment.eventPosition()))
                .body(new SeriesPaymentResponse(
                        seriesId,
                        payment.status(),
                        payment.price().minorUnits(),
                        payment.price().currency().getCurrencyCode(),
                        payment.payment().orElse(null)));
    }

    private static OffsetDateTime local(java.time.Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    private static SkippedView skippedView(SkippedOccurrence skipped, ZoneId zone) {
        return new SkippedView(
                skipped.localStart(),
                skipped.localEnd(),
                offsetOf(skipped.localStart(), zone),
                offsetOf(skipped.localEnd(), zone),
                skipped.code(),
                skipped.detail());
    }

    private static OffsetDateTime offsetOf(LocalDateTime local, ZoneId zone) {
        return zone.getRules().getValidOffsets(local).isEmpty()
                ? null
                : ZonedDateTime.ofLocal(local, zone, null).toOffsetDateTime();
    }
}
