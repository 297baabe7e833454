package com.coworkly.commandside.invoicing;

import com.coworkly.events.common.SpaceId;

/** Hands out the next invoice number of a space and year, e.g. {@code AMS-2026-000042}. */
public interface InvoiceNumberSequence {

    String next(SpaceId space, String prefix, int year);
}
