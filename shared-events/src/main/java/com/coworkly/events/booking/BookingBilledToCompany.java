package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import org.axonframework.serialization.Revision;

/**
 * The booking's member holds a company's seat, so what the booking costs beyond its credits ({@code amount}) is not
 * paid by card but charged to the company's bill {@code billId}, invoiced with the month's other bookings. The
 * booking is confirmed at once: the company answers for the money.
 */
@Revision("1")
public record BookingBilledToCompany(
        BookingId bookingId, CompanyId companyId, MemberId memberId, String billId, Money amount)
        implements BookingEvent {}
