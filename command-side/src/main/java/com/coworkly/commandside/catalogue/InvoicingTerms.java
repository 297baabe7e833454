package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.LegalEntity;

import java.math.BigDecimal;

/**
 * What an invoice takes from its space: the VAT rate, the prefix of its numbers (unique to the space), and the
 * legal entity assigned to sell its bookings, null while none is (the network's default seller then issues).
 */
public record InvoicingTerms(BigDecimal vatRatePercent, String invoicePrefix, LegalEntity seller) {}
