package com.coworkly.commandside.catalogue;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The rule "each space numbers its invoices in a series of its own" (decision 37): a space's invoice numbers start
 * with a prefix no other space has, so that two spaces never issue the same number. An administrator may name
 * it; otherwise it is the first three letters of the space's name ("AMS" for Amsterdam Central), followed by 2,
 * 3, … while an earlier space has it ("AMS2" for Amsterdam South).
 */
final class InvoicePrefix {

    private InvoicePrefix() {}

    /** The prefix a new space takes, or a refusal when the one asked for is another space's. */
    static String chooseFor(String requested, String spaceName, Predicate<String> isTaken) {
        if (requested != null) {
            if (isTaken.test(requested)) {
                throw CatalogueRefusal.invoicePrefixTaken(requested);
            }
            return requested;
        }
        return firstFree(fromName(spaceName), isTaken);
    }

    /** The first three letters of the name, X where there are none: what every space's prefix was before 37. */
    static String fromName(String spaceName) {
        String letters = spaceName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return (letters + "XXX").substring(0, 3);
    }

    static String firstFree(String base, Predicate<String> isTaken) {
        if (!isTaken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!isTaken.test(base + n)) {
                return base + n;
            }
        }
    }
}
