package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.common.BookingId;
import com.coworkly.platform.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bookings")
class BookingController {

    record CancelBookingRequest(@Size(max = 500) @PlainText String reason) {}

    record BookingCancelledResponse(BookingId bookingId, String status, long fee, long refund, String currency) {}

    private final CommandSender commands;

    BookingController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/bookings/{bookingId}/cancel")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Cancel a booking (its MEMBER, with the late fee if late; MANAGER of its space or ADMIN, free)")
    ResponseEntity<BookingCancelledResponse> cancel(
            @PathVariable BookingId bookingId, @Valid @RequestBody(required = false) CancelBookingRequest request) {
        Accepted<BookingCancelled> accepted =
                commands.send(new CancelBooking(bookingId, request == null ? null : request.reason()));
        BookingCancelled cancelled = accepted.result();
        return accepted.ok(new BookingCancelledResponse(
                bookingId,
                "CANCELLED",
                cancelled.fee().minorUnits(),
                cancelled.refund().minorUnits(),
                cancelled.fee().currency().getCurrencyCode()));
    }
}
