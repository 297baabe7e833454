package com.coworkly.events.invoicing;

public enum InvoiceKind {
    /** Charges the member: a paid booking, or a late-cancellation fee. */
    INVOICE,
    /** Gives money back: cancels (part of) an earlier invoice. Its amounts are positive; it subtracts. */
    CREDIT_NOTE
}
