package com.coworkly.commandside.invoicing;

/** Hands out the next number of an invoice series (a space's prefix) and year, e.g. {@code AMS-2026-000042}. */
public interface InvoiceNumberSequence {

    String next(String prefix, int year);
}
