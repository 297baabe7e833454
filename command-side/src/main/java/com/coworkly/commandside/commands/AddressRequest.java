package com.coworkly.commandside.commands;

import com.coworkly.events.catalogue.Address;
import com.coworkly.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address in a request body: a space's, a legal entity's, a company's billing address. */
public record AddressRequest(
        @NotBlank @Size(max = 200) @PlainText String street,
        @NotBlank @Size(max = 20) @PlainText String postalCode,
        @NotBlank @Size(max = 100) @PlainText String city,
        @NotNull @Pattern(regexp = "[A-Z]{2}") String countryCode) {

    public Address toAddress() {
        return new Address(street, postalCode, city, countryCode);
    }
}
