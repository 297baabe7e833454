package com.coworkly.queryside.bookings;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.consistency.ReadYourWrites;
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import com.coworkly.queryside.web.NotFound;
import com.coworkly.queryside.web.RefusalCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.Optional;

@RestController
@Tag(name = "Bookings")
class BookingsController {

    static final class NotYourBooking extends BusinessRefusal {
        NotYourBooking(String bookingId) {
            super(
                    RefusalCode.NOT_YOUR_BOOKING,
                    Kind.FORBIDDEN,
                    "Booking " + bookingId
                            + " can be read only by its member, the managers of its space, administrators and operators.");
        }
    }

    private final BookingsQueries bookings;
    private final BookingReaders readers;

    BookingsController(BookingsQueries bookings, BookingReaders readers) {
        this.bookings = bookings;
        this.readers = readers;
    }

    @GetMapping("/api/bookings/{bookingId}")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(BookingsProjection.GROUP)
    @Operation(summary = "One booking (its member, managers of its space, administrators, operators)")
    BookingsViews.BookingView booking(
            @PathVariable String bookingId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        BookingsViews.BookingView booking = bookings.booking(bookingId).orElseThrow(() -> NotFound.booking(bookingId));
        if (!readers.mayRead(CurrentCaller.require(), booking)) {
            throw new NotYourBooking(bookingId);
        }
        return booking;
    }

    @GetMapping("/api/members/me/bookings")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(BookingsProjection.GROUP)
    @Operation(summary = "The caller's own bookings by start, optionally in one status and overlapping [from, to)")
    Paged<BookingsViews.BookingView> myBookings(
            @Parameter(description = "PENDING_PAYMENT, CONFIRMED, CANCELLED, EXPIRED or COMPLETED")
                    @RequestParam(required = false)
                    String status,
            @Parameter(description = "ISO-8601 date-time with offset, e.g. 2026-12-01T00:00:00+01:00")
                    @RequestParam(required = false)
                    OffsetDateTime from,
            @Parameter(description = "ISO-8601 date-time with offset; exclusive") @RequestParam(required = false)
                    OffsetDateTime to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        MemberBookingsFilter filter = new MemberBookingsFilter(
                Optional.ofNullable(status).map(BookingStatus::named),
                Optional.ofNullable(from).map(OffsetDateTime::toInstant),
                Optional.ofNullable(to).map(OffsetDateTime::toInstant));
        return bookings.ofMember(CurrentCaller.require().memberId(), filter, new PageRequest(page, size));
    }
}
