package com.coworkly.commandside.booking;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;

/**
 * A booking's member's credits, or their company's pool, moved inside the booking's own unit of work: spent when it is placed, given back
 * when it is cancelled or expires (docs/memberships.md).
 */
public interface BookingCredits {

    /** Spends up to {@code minutes} of the member's credits on the booking; answers how many they covered. */
    long spend(MemberId member, BookingId booking, long minutes, ResourceKind kind, SpaceId space);

    void giveBack(MemberId member, BookingId booking, long minutes);

    /** Spends up to {@code minutes} of the shared pool of the company whose seat the member holds. */
    long spendFromPool(CompanyId company, BookingId booking, long minutes, ResourceKind kind, SpaceId space);

    void giveBackToPool(CompanyId company, BookingId booking, long minutes);
}
