package com.coworkly.queryside.invoices;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which invoices to list: optionally those of one space, issued on or after {@code from} and on or before
 * {@code to} (both inclusive, either open), and, for a manager, only those of the spaces {@code managedBy}
 * has been granted.
 */
record InvoiceListFilter(
        Optional<String> spaceId, Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> managedBy) {

    InvoiceListFilter {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("to must not be before from");
        }
    }

    static InvoiceListFilter of(Optional<String> spaceId, Optional<LocalDate> from, Optional<LocalDate> to) {
        return new InvoiceListFilter(spaceId, from, to, Optional.empty());
    }

    InvoiceListFilter onlyManagedBy(String memberId) {
        return new InvoiceListFilter(spaceId, from, to, Optional.of(memberId));
    }
}
