package com.coworkly.commandside.checkout;

import com.coworkly.commandside.booking.BookingStatus;
import com.coworkly.commandside.booking.PlaceBooking;
import com.coworkly.commandside.booking.RequestPayment;
import com.coworkly.commandside.commands.Accepted;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.OffsetDateTime;

@RestController
@Tag(name = "Bookings")
class BookingCheckoutController {

    record PlaceBookingRequest(
            @NotNull ResourceId resourceId,
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,

            @Schema(
                    description = "the member the booking is for, when a manager of the space or an administrator books"
                            + " for someone else; absent: the caller",
                    nullable = true)
            MemberId memberId) {}

    /**
     * {@code payment} is what the member's app needs to pay (the provider's client secret among it); null when
     * the provider could not be reached, in which case the booking holds its slot until its hold runs out.
     */
    record BookingPlacedResponse(
            BookingId bookingId,
            BookingStatus status,
            long price,
            String currency,

            @Schema(
                    description = "the minutes of the booking credits paid, the member's own first, then their"
                            + " company's pool; price is what is left to pay by card or to bill")
            long creditMinutes,

            @Schema(
                    description = "the company the price is billed to, on its monthly invoice, when the member holds"
                            + " a company's seat; absent when the member pays",
                    nullable = true)
            CompanyId billedToCompanyId,

            BookingCheckout.Payment payment) {}

    private final BookingCheckout checkout;

    BookingCheckoutController(BookingCheckout checkout) {
        this.checkout = checkout;
    }

    @PostMapping("/api/bookings")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(
            summary = "Book a period of a resource and get what you need to pay it (MEMBER for themselves; MANAGER of"
                    + " its space or ADMIN for another member, named by memberId)")
    ResponseEntity<BookingPlacedResponse> place(@Valid @RequestBody PlaceBookingRequest request) {
        PlaceBooking command = new PlaceBooking(
                BookingId.random(),
                request.resourceId(),
                request.memberId() == null ? callerAsMember() : request.memberId(),
                new Period(request.start().toInstant(), request.end().toInstant()));
        BookingCheckout.CheckedOut placed = checkout.place(command);
        return ResponseEntity.created(URI.create("/api/bookings/" + command.bookingId()))
                .header(Accepted.EVENT_POSITION_HEADER, Long.toString(placed.eventPosition()))
                .body(new BookingPlacedResponse(
                        command.bookingId(),
                        placed.status(),
                        placed.price().minorUnits(),
                        placed.price().currency().getCurrencyCode(),
                        placed.creditMinutes(),
                        placed.billedTo(),
                        placed.payment().orElse(null)));
    }

    @PostMapping("/api/bookings/{bookingId}/payment")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Get what you need to pay your unpaid booking again (its MEMBER)")
    ResponseEntity<BookingPlacedResponse> payAgain(@PathVariable BookingId bookingId) {
        BookingCheckout.CheckedOut payment = checkout.payAgain(new RequestPayment(bookingId));
        return ResponseEntity.ok()
                .header(Accepted.EVENT_POSITION_HEADER, Long.toString(payment.eventPosition()))
                .body(new BookingPlacedResponse(
                        bookingId,
                        payment.status(),
                        payment.price().minorUnits(),
                        payment.price().currency().getCurrencyCode(),
                        payment.creditMinutes(),
                        null,
                        payment.payment().orElse(null)));
    }

    private static MemberId callerAsMember() {
        return new MemberId(CurrentCaller.require().memberId());
    }
}
