package com.coworkly.queryside.bookings;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read a booking: the member who made it, the managers of its space (as granted, whatever roles their
 * token names), administrators, and operators, who audit.
 */
@Component
class BookingReaders {

    private final BookingsQueries bookings;

    BookingReaders(BookingsQueries bookings) {
        this.bookings = bookings;
    }

    boolean mayRead(CurrentCaller caller, BookingsViews.BookingView booking) {
        return caller.memberId().equals(booking.memberId())
                || caller.has(Role.ADMIN)
                || caller.has(Role.OPERATOR)
                || bookings.isManagerOf(booking.spaceId(), caller.memberId());
    }
}
