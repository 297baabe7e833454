package com.coworkly.events.credits;

import com.coworkly.events.common.BookingId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A booking was paid, in part or whole, with credits: {@code minutes} in all, taken from these grants. */
@Revision("1")
public record CreditsSpent(CreditAccountId accountId, BookingId bookingId, long minutes, List<GrantShare> from)
        implements CreditEvent {

    public CreditsSpent {
        from = List.copyOf(from);
    }
}
