package com.coworkly.commandside.booking;

import com.coworkly.events.common.Money;

/**
 * How a booking's price divides between the member's credits and the card: the minutes the credits covered are
 * worth their share of the full price (half up), and the card pays the rest.
 */
record CreditShare(long minutes, Money fullPrice, Money creditedValue) {

    static CreditShare of(Money fullPrice, long bookedMinutes, long coveredMinutes) {
        long credited = coveredMinutes >= bookedMinutes
                ? fullPrice.minorUnits()
                : Math.floorDiv(
                        Math.multiplyExact(fullPrice.minorUnits(), coveredMinutes) * 2 + bookedMinutes,
                        2 * bookedMinutes);
        return new CreditShare(coveredMinutes, fullPrice, new Money(credited, fullPrice.currency()));
    }

    static CreditShare none(Money fullPrice) {
        return new CreditShare(0, fullPrice, Money.zero(fullPrice.currency()));
    }

    Money cardPrice() {
        return fullPrice.minus(creditedValue);
    }

    boolean coversAnything() {
        return minutes > 0;
    }
}
