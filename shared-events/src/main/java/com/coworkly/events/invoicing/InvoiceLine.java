package com.coworkly.events.invoicing;

import com.coworkly.events.common.Money;

/** One line of an invoice: gross is what the member pays; net plus VAT make it up to the minor unit. */
public record InvoiceLine(String description, Money net, Money vat, Money gross) {}
