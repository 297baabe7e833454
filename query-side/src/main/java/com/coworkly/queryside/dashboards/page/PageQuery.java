package com.coworkly.queryside.dashboards.page;

import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.platform.web.ConventionCode;
import com.coworkly.queryside.dashboards.Granularity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** What the page was asked for, as typed into its form; what is missing is filled in by defaults. */
record PageQuery(
        Optional<String> spaceId, Optional<LocalDate> from, Optional<LocalDate> to, Optional<Granularity> granularity) {

    static final class UnreadableChoice extends BusinessRefusal {
        UnreadableChoice(String detail) {
            super(ConventionCode.VALIDATION_FAILED, Kind.BAD_REQUEST, detail);
        }
    }

    static PageQuery of(String spaceId, String from, String to, String granularity) {
        return new PageQuery(
                present(spaceId),
                present(from).map(date -> date(date, "from")),
                present(to).map(date -> date(date, "to")),
                present(granularity).map(PageQuery::granularity));
    }

    PageQuery forSpace(String chosen) {
        return new PageQuery(Optional.of(chosen), from, to, granularity);
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnreadableChoice("The " + field + " date must be written as YYYY-MM-DD.");
        }
    }

    private static Granularity granularity(String value) {
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnreadableChoice("Show the figures by DAY, WEEK or MONTH.");
        }
    }
}
