package com.coworkly.commandside.series;

import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SeriesId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;

@RestController
@Tag(name = "Bookings")
class SeriesController {

    record CancelSeriesRequest(
            @Schema(description = "cancel occurrences starting at or after this; default now")
            OffsetDateTime from) {}

    record CancelledOccurrence(BookingId bookingId, long fee, long refund) {}

    record SeriesCancelledResponse(
            SeriesId seriesId, List<CancelledOccurrence> cancelled, long fee, long refund, String currency) {}

    private final CommandSender commands;

    SeriesController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/bookings/series/{seriesId}/cancel")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Cancel the occurrences of a series from a time on, each with its own fee rule (its MEMBER; "
                    + "MANAGER of its space or ADMIN, free)")
    ResponseEntity<SeriesCancelledResponse> cancel(
            @PathVariable SeriesId seriesId, @Valid @RequestBody(required = false) CancelSeriesRequest request) {
        Accepted<SeriesCancellation.Cancelled> accepted = commands.send(new CancelBookingSeries(
                seriesId,
                request == null || request.from() == null
                        ? null
                        : request.from().toInstant()));
        List<BookingCancelled> cancellations = accepted.result().cancellations();
        List<CancelledOccurrence> cancelled = cancellations.stream()
                .map(c -> new CancelledOccurrence(
                        c.bookingId(), c.fee().minorUnits(), c.refund().minorUnits()))
                .toList();
        String currency = cancellations.get(0).fee().currency().getCurrencyCode();
        return accepted.ok(new SeriesCancelledResponse(
                seriesId,
                cancelled,
                cancellations.stream()
                        .map(BookingCancelled::fee)
                        .mapToLong(Money::minorUnits)
                        .sum(),
                cancellations.stream()
                        .map(BookingCancelled::refund)
                        .mapToLong(Money::minorUnits)
                        .sum(),
                currency));
    }
}
