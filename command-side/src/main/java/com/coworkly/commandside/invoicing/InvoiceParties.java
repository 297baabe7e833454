package com.coworkly.commandside.invoicing;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.invoicing.Buyer;

import java.util.Optional;

/**
 * Whom an invoice names, and what: the member or the company as buyer and the resource by name, as they are when it
 * is issued.
 */
public interface InvoiceParties {

    Optional<Buyer> buyer(MemberId member);

    /** A company as buyer: its name, billing address and VAT number. */
    Optional<Buyer> companyBuyer(CompanyId company);

    Optional<String> resourceName(ResourceId resource);
}
