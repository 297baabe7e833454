package com.coworkly.events.companybilling;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A company member's booking was charged to the company's bill: {@code amount} (gross) is what it costs beyond the
 * member's credits. {@code period} is the booking's period as an invoice line states it, in the space's local time,
 * and {@code suppliedOn} its first day there.
 */
@Revision("1")
public record CompanyBookingCharged(
        String billId,
        BookingId bookingId,
        MemberId memberId,
        ResourceId resourceId,
        String period,
        LocalDate suppliedOn,
        Money amount)
        implements CompanyBillEvent {}
