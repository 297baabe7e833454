package com.coworkly.commandside.booking;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.Money;

/**
 * How a booking's price divides between credits and the card: the minutes the credits covered are worth their share
 * of the full price (half up), and the card (or the company's bill) pays the rest. Of those minutes,
 * {@code pooledMinutes} came from the shared pool of the company {@code pool} (null when none did), after the
 * member's own.
 */
record CreditShare(long minutes, Money fullPrice, Money creditedValue, CompanyId pool, long pooledMinutes) {

    static CreditShare of(Money fullPrice, long bookedMinutes, long coveredMinutes) {
        long credited = coveredMinutes >= bookedMinutes
                ? fullPrice.minorUnits()
                : Math.floorDiv(
                        Math.multiplyExact(fullPrice.minorUnits(), coveredMinutes) * 2 + bookedMinutes,
                        2 * bookedMinutes);
        return new CreditShare(coveredMinutes, fullPrice, new Money(credited, fullPrice.currency()), null, 0);
    }

    static CreditShare none(Money fullPrice) {
        return new CreditShare(0, fullPrice, Money.zero(fullPrice.currency()), null, 0);
    }

    /** The same share, saying that {@code pooled} of its minutes came from the company's pool. */
    CreditShare pooledFrom(CompanyId company, long pooled) {
        return pooled == 0 ? this : new CreditShare(minutes, fullPrice, creditedValue, company, pooled);
    }

    Money cardPrice() {
        return fullPrice.minus(creditedValue);
    }

    boolean coversAnything() {
        return minutes > 0;
    }

    boolean drawsOnPool() {
        return pooledMinutes > 0;
    }
}
