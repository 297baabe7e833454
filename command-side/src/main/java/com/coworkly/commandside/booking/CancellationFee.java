package com.coworkly.commandside.booking;

import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;

import java.time.Instant;

/**
 * The rule "late-cancellation fee" (docs/domain.md): cancelling is free until the late window before the start, then
 * costs the late fee.
 */
final class CancellationFee {

    private CancellationFee() {}

    static boolean isLateCancellation(Period booking, CancellationPolicy policy, Instant now) {
        return !now.isBefore(booking.start().minus(policy.lateWindow()));
    }

    /** What a member pays for cancelling now: the late fee's share of the price (half up), or nothing. */
    static Money forMember(Money price, Period booking, CancellationPolicy policy, Instant now) {
        if (!isLateCancellation(booking, policy, now)) {
            return Money.zero(price.currency());
        }
        long fee = Math.floorDiv(Math.multiplyExact(price.minorUnits(), policy.lateFeePercent()) + 50, 100);
        return new Money(fee, price.currency());
    }
}
