package com.coworkly.queryside.dashboards.page;

import com.coworkly.queryside.dashboards.figures.DashboardViews.Figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The figures of a dashboard as the page shows them: each with the key it has in the API's {@code Figures}
 * ({@code revenue.gross}), a label, its text for people ("€ 12.00", "42.5 %") and its value as the API answers
 * it, so that a test, or a curious manager, can check one against the other.
 */
final class PageFigures {

    private PageFigures() {}

    /** A figure on the page; {@code value} is empty where the API answers null (nothing open, no bookings). */
    record Figure(String key, String label, String text, String value) {}

    enum Unit {
        PERCENT,
        HOURS,
        COUNT,
        MONEY
    }

    record Kind(String key, String label, Unit unit, Function<Figures, Object> of) {

        Figure of(Figures figures, String currency) {
            Object value = of.apply(figures);
            return new Figure(key, label, text(value, unit, currency), raw(value));
        }
    }

    static final Kind OCCUPANCY = new Kind("occupancy", "Occupancy", Unit.PERCENT, Figures::occupancy);
    static final Kind BOOKED_HOURS = new Kind("bookedHours", "Booked hours", Unit.HOURS, Figures::bookedHours);
    static final Kind OPEN_HOURS = new Kind("openHours", "Open hours", Unit.HOURS, Figures::openHours);
    static final Kind BLOCKED_HOURS =
            new Kind("blockedHours", "Blocked for maintenance", Unit.HOURS, Figures::blockedHours);
    static final Kind BOOKINGS = new Kind("bookings", "Bookings", Unit.COUNT, Figures::bookings);
    static final Kind EARLY = new Kind(
            "cancellations.early",
            "Early cancellations",
            Unit.COUNT,
            figures -> figures.cancellations().early());
    static final Kind LATE = new Kind(
            "cancellations.late",
            "Late cancellations",
            Unit.COUNT,
            figures -> figures.cancellations().late());
    static final Kind FEES =
            new Kind("lateCancellationFees", "Late-cancellation fees", Unit.MONEY, Figures::lateCancellationFees);
    static final Kind GROSS = new Kind(
            "revenue.gross",
            "Revenue (gross)",
            Unit.MONEY,
            figures -> figures.revenue().gross());
    static final Kind NET = new Kind(
            "revenue.net",
            "Revenue (net)",
            Unit.MONEY,
            figures -> figures.revenue().net());
    static final Kind VAT = new Kind(
            "revenue.vat", "VAT", Unit.MONEY, figures -> figures.revenue().vat());
    static final Kind REFUNDS = new Kind(
            "revenue.refunds",
            "Refunds",
            Unit.MONEY,
            figures -> figures.revenue().refunds());
    static final Kind MEMBERS = new Kind("uniqueMembers", "Unique members", Unit.COUNT, Figures::uniqueMembers);
    static final Kind LEAD_TIME =
            new Kind("averageLeadTimeHours", "Average lead time", Unit.HOURS, Figures::averageLeadTimeHours);

    static final List<Kind> TOTALS = List.of(
            OCCUPANCY,
            BOOKED_HOURS,
            OPEN_HOURS,
            BLOCKED_HOURS,
            BOOKINGS,
            EARLY,
            LATE,
            FEES,
            GROSS,
            NET,
            VAT,
            REFUNDS,
            MEMBERS,
            LEAD_TIME);

    static List<Figure> of(List<Kind> kinds, Figures figures, String currency) {
        return kinds.stream().map(kind -> kind.of(figures, currency)).toList();
    }

    /** Members' fees in minor units, shown as money; {@code key} is where the API answers it. */
    static Figure fees(String key, String label, long minorUnits, String currency) {
        return new Figure(key, label, money(minorUnits, currency), Long.toString(minorUnits));
    }

    /** Credits are minutes in the API, shown in hours like the other hours of the page: 90 is "1.5 h". */
    static Figure credits(String key, String label, long minutes) {
        return new Figure(
                key,
                label,
                hours(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)),
                Long.toString(minutes));
    }

    /** Minor units with the currency's symbol, as people write prices: 1200 EUR is "€ 12.00". */
    static String money(long minorUnits, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        // Currencies without minor units (and pseudo-currencies, which report -1) are written whole.
        int fractionDigits = Math.max(0, currency.getDefaultFractionDigits());
        return currency.getSymbol(Locale.ENGLISH) + " "
                + BigDecimal.valueOf(minorUnits, fractionDigits).toPlainString();
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static String hours(BigDecimal hours) {
        return hours.setScale(1, RoundingMode.HALF_UP).toPlainString() + " h";
    }

    private static String text(Object value, Unit unit, String currency) {
        if (value == null) {
            return "–";
        }
        return switch (unit) {
            case PERCENT -> percent((BigDecimal) value);
            case HOURS -> hours((BigDecimal) value);
            case COUNT -> value.toString();
            case MONEY -> money(((Number) value).longValue(), currency);
        };
    }

    private static String raw(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
