package com.coworkly.events.company;

import com.coworkly.events.catalogue.Address;
import com.coworkly.events.common.CompanyId;
import org.axonframework.serialization.Revision;

/**
 * A business opened an account with the network: its name and billing address as its invoices will show them, and
 * its VAT number ({@code null} for one that has none), which an invoice to a company must name.
 */
@Revision("1")
public record CompanyRegistered(CompanyId companyId, String name, Address billingAddress, String vatId)
        implements CompanyEvent {}
