package com.coworkly.events.catalogue;

import java.util.Objects;

/**
 * Who sells a space's bookings in law: the seller an invoice names (EU VAT directive, Article 226: full name,
 * address and VAT identification number). {@code registrationNumber} (a chamber of commerce number) and
 * {@code paymentTerms} (printed on an invoice that is not yet paid) are optional and null when not given.
 */
public record LegalEntity(
        String legalName, Address address, String vatNumber, String registrationNumber, String paymentTerms) {

    public LegalEntity {
        Objects.requireNonNull(legalName, "a legal entity has a legal name");
        Objects.requireNonNull(address, "a legal entity has an address");
        Objects.requireNonNull(vatNumber, "a legal entity has a VAT number");
    }
}
