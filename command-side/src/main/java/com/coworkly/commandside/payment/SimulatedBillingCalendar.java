package com.coworkly.commandside.payment;

import com.coworkly.events.common.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long a simulated membership period lasts: a calendar month (ISO {@code P1M}) unless configured otherwise, e.g.
 * {@code PT20S} in a test that watches renewals happen. Only in use without a Stripe key.
 */
@Component
class SimulatedBillingCalendar {

    private final boolean active;
    private final String length;

    SimulatedBillingCalendar(
            @Value("${booking.payments.stripe.api-key:}") String apiKey,
            @Value("${booking.payments.simulated.membership-period:P1M}") String length) {
        this.active = apiKey.isBlank();
        this.length = length;
        periodFrom(Instant.EPOCH); // a length that does not parse fails the start, not the first renewal
    }

    /** Whether membership fees are simulated here (no Stripe key). */
    boolean active() {
        return active;
    }

    /** The period that starts at {@code start}; months are calendar months in UTC. */
    Period periodFrom(Instant start) {
        Instant end = length.contains("T")
                ? start.plus(Duration.parse(length))
                : start.atZone(ZoneOffset.UTC)
                        .plus(java.time.Period.parse(length))
                        .toInstant();
        return new Period(start, end);
    }
}
