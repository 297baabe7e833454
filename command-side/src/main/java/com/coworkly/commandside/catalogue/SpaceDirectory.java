package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;

import java.util.Optional;

/**
 * What resource decisions need to know about spaces, which are other aggregates: whether a space exists, the
 * terms its bookings take on, and who manages it. Kept in the same transaction as the space's events, so it is never stale.
 */
public interface SpaceDirectory {

    /** The terms a new booking in the space takes on. */
    Optional<SpaceTerms> termsOf(SpaceId space);

    /** The VAT rate, invoice number prefix and assigned seller of an existing space. */
    InvoicingTerms invoicingTermsOf(SpaceId space);

    /** Whether a space already numbers its invoices with this prefix. */
    boolean isInvoicePrefixTaken(String prefix);

    boolean isManagedBy(SpaceId space, MemberId member);

    /** The space's caps on what one member books there; none for a space that set none. */
    BookingQuotas quotasOf(SpaceId space);

    boolean managesAnySpace(MemberId member);
}
