package com.coworkly.queryside.companies;

import java.util.List;

/** The team's bookings as CSV: a header, then a row per booking; amounts in minor units, times in UTC. */
final class TeamBookingsCsv {

    private static final String HEADER =
            "booking_id,member_id,resource_id,space_id,start,end,status,price,currency,credit_minutes,fee";

    private TeamBookingsCsv() {}

    static String of(List<CompanyViews.TeamBooking> bookings) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (CompanyViews.TeamBooking booking : bookings) {
            // Every field is an id, a timestamp, a status, a currency or a number: none holds a comma or a quote.
            csv.append(String.join(
                            ",",
                            booking.bookingId(),
                            booking.memberId(),
                            booking.resourceId(),
                            booking.spaceId(),
                            booking.start().toString(),
                            booking.end().toString(),
                            booking.status(),
                            Long.toString(booking.price()),
                            booking.currency(),
                            Long.toString(booking.creditMinutes()),
                            booking.fee() == null ? "" : Long.toString(booking.fee())))
                    .append("\r\n");
        }
        return csv.toString();
    }
}
