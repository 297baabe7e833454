package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import org.axonframework.serialization.Revision;

/**
 * Of the minutes a booking's {@code BookingPaidWithCredits} says credits paid, {@code minutes} came from the shared
 * pool of the company whose seat its member holds, after the member's own credits. A cancellation gives them back
 * there.
 */
@Revision("1")
public record BookingPaidFromCompanyPool(BookingId bookingId, MemberId memberId, CompanyId companyId, long minutes)
        implements BookingEvent {}
