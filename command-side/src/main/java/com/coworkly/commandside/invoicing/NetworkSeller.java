package com.coworkly.commandside.invoicing;

import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.LegalEntity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Optional;

/**
 * The network's own legal entity, which sells the bookings of every space that has none assigned
 * ({@code booking.invoicing.network-seller.*}). It is configuration, not an event: what it was on an invoice is
 * in that invoice's event. Without a legal name and VAT number there is none, and such invoices name no seller.
 */
@ConfigurationProperties("booking.invoicing.network-seller")
public record NetworkSeller(
        String legalName,
        String street,
        String postalCode,
        String city,
        String countryCode,
        String vatNumber,
        String registrationNumber,
        String paymentTerms) {

    public static final NetworkSeller NONE = new NetworkSeller(null, null, null, null, null, null, null, null);

    Optional<LegalEntity> legalEntity() {
        if (isBlank(legalName) || isBlank(vatNumber)) {
            return Optional.empty();
        }
        return Optional.of(new LegalEntity(
                legalName,
                new Address(street, postalCode, city, countryCode),
                vatNumber,
                isBlank(registrationNumber) ? null : registrationNumber,
                isBlank(paymentTerms) ? null : paymentTerms));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
