package com.coworkly.events.credits;

import com.coworkly.events.common.BookingId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A cancelled booking gave credits back to the grants it took them from. What belonged to a grant that has expired
 * since is {@code forfeited}: given back to nothing, as an expired credit cannot be spent.
 */
@Revision("1")
public record CreditsReturned(
        CreditAccountId accountId, BookingId bookingId, List<GrantShare> to, List<GrantShare> forfeited)
        implements CreditEvent {

    public CreditsReturned {
        to = List.copyOf(to);
        forfeited = List.copyOf(forfeited);
    }

    /** Every minute the cancellation gave up, spendable again or not. */
    public long minutes() {
        return to.stream().mapToLong(GrantShare::minutes).sum()
                + forfeited.stream().mapToLong(GrantShare::minutes).sum();
    }
}
