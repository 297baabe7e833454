package com.coworkly.commandside.booking;

import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;

import java.time.ZoneId;

/**
 * The terms on which a resource takes a booking: its space, the price, the cancellation policy and the time the
 * resource keeps free around it.
 */
public record Quote(
        SpaceId spaceId, ZoneId timeZone, Money price, CancellationPolicy cancellationPolicy, Buffers buffers) {

    /** The same terms at another price: what is left to pay by card once credits paid their share. */
    Quote at(Money otherPrice) {
        return new Quote(spaceId, timeZone, otherPrice, cancellationPolicy, buffers);
    }
}
