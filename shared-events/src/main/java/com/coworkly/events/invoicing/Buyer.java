package com.coworkly.events.invoicing;

import com.coworkly.events.catalogue.Address;

import java.util.Objects;

/**
 * Whom an invoice is for, as it named them when it was issued: the member's name; their billing address, null
 * while members give none (a private person, decision 37); their VAT number, null unless the buyer is liable
 * for VAT (a company, which members cannot be yet).
 */
public record Buyer(String name, Address billingAddress, String vatNumber) {

    public Buyer {
        Objects.requireNonNull(name, "a buyer has a name");
    }
}
