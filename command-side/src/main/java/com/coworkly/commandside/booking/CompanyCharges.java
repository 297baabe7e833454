package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Company members' bookings on their company's monthly bill (docs/memberships.md#company-billing), charged and
 * reduced inside the booking's own unit of work, so that the booking and its bill stand or fall together.
 */
public interface CompanyCharges {

    /** What a booking costs its company: {@code period} as an invoice line states it, in the space's local time. */
    record Charge(
            CompanyId company,
            SpaceId space,
            ZoneId timeZone,
            BookingId booking,
            MemberId member,
            ResourceId resource,
            String period,
            LocalDate suppliedOn,
            Money amount) {}

    /** The company whose seat the member holds, asked under the member's lock (which the placement holds). */
    Optional<CompanyId> payerOf(MemberId member);

    /** Charges the booking, placed {@code at}, to its company's bill of that month; answers the bill's id. */
    String charge(Charge charge, Instant at);

    /**
     * The booking was cancelled {@code at}: from now on its bill charges {@code amount} for it (the fee kept, or
     * nothing), or, if the bill has been invoiced already, credits the difference.
     */
    void reduce(String billId, BookingId booking, Money amount, Instant at);
}
