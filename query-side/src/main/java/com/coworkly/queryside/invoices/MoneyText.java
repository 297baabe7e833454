package com.coworkly.queryside.invoices;

import java.math.BigDecimal;
import java.util.Currency;

/** Minor units written as money: the currency's fraction digits, then its code ({@code 1200 EUR} → "12.00 EUR"). */
final class MoneyText {

    private MoneyText() {}

    static String of(long minorUnits, String currencyCode) {
        // Currencies without minor units (and pseudo-currencies, which report -1) are written whole.
        int fractionDigits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        return BigDecimal.valueOf(minorUnits, fractionDigits).toPlainString() + " " + currencyCode;
    }
}
