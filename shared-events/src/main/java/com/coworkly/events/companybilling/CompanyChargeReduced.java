package com.coworkly.events.companybilling;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import org.axonframework.serialization.Revision;

/**
 * A charged booking was cancelled before its bill closed: the bill now charges {@code amount} for it (the late
 * fee kept, or nothing). Once a bill is closed, a cancellation is a credit note instead.
 */
@Revision("1")
public record CompanyChargeReduced(String billId, BookingId bookingId, Money amount) implements CompanyBillEvent {}
