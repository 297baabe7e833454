package com.coworkly.commandside.catalogue;

import java.math.BigDecimal;

/** What an invoice takes from its space: the VAT rate and the prefix of its numbers. */
public record InvoicingTerms(BigDecimal vatRatePercent, String invoicePrefix) {

    /** The first three letters of the space's name, e.g. AMS for Amsterdam Central; X where there are none. */
    static String prefixFor(String spaceName) {
        String letters = spaceName.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
        return (letters + "XXX").substring(0, 3);
    }
}
