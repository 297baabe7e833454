package com.coworkly.events.invoicing;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;

import java.time.LocalDate;

/**
 * One line of an invoice: gross is what the buyer pays; net plus VAT make it up to the minor unit. The line
 * states the nature of the service in its description (the resource by name and the period), the quantity and
 * the unit price without VAT, and the day the service is supplied (the booking's first day, in its space).
 * Quantity, unit price and supply date are null in lines issued before invoice revision 2. {@code bookingId} names
 * the line's booking on a company's invoice, which has many; it is null on a booking's own invoice, which names its
 * booking itself.
 */
public record InvoiceLine(
        String description,
        Money net,
        Money vat,
        Money gross,
        Integer quantity,
        Money unitNet,
        LocalDate suppliedOn,
        BookingId bookingId) {

    /** A line of a booking's own invoice. */
    public InvoiceLine(
            String description,
            Money net,
            Money vat,
            Money gross,
            Integer quantity,
            Money unitNet,
            LocalDate suppliedOn) {
        this(description, net, vat, gross, quantity, unitNet, suppliedOn, null);
    }

    /** A line as issued before revision 2, which stated only its description and amounts. */
    public InvoiceLine(String description, Money net, Money vat, Money gross) {
        this(description, net, vat, gross, null, null, null, null);
    }
}
