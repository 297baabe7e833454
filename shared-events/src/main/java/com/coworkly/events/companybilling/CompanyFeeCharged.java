package com.coworkly.events.companybilling;

import com.coworkly.events.common.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A fee that is not a booking's was charged to the company's bill: a period of the company's plan, {@code feeId}
 * naming it once. {@code description} is its invoice line's, {@code suppliedOn} the period's first day, in the
 * space's local time, and {@code amount} is gross.
 */
@Revision("1")
public record CompanyFeeCharged(String billId, String feeId, String description, LocalDate suppliedOn, Money amount)
        implements CompanyBillEvent {}
