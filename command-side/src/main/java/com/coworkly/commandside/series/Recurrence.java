package com.coworkly.commandside.series;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The subset of RFC 5545's RRULE that a series may use (series in local time, docs/domain.md): {@code FREQ=DAILY} or
 * {@code WEEKLY}, with {@code INTERVAL}, {@code BYDAY} (plain weekdays) and one bound, {@code COUNT} or {@code UNTIL}.
 * Anything else is refused by name rather than half-understood. The rule is expanded by ical4j over local date-times,
 * so an occurrence keeps its wall-clock time whatever the zone's offset does in between.
 */
final class Recurrence {

    private static final Set<String> SUPPORTED_PARTS = Set.of("FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL");

    private final String rule;
    private final Recur<LocalDateTime> recur;

    private Recurrence(String rule, Recur<LocalDateTime> recur) {
        this.rule = rule;
        this.recur = recur;
    }

    /** The rule as understood, in RRULE syntax, e.g. {@code FREQ=WEEKLY;COUNT=10;BYDAY=MO,WE}. */
    String rule() {
        return rule;
    }

    /**
     * Reads {@code text} (without the {@code RRULE:} prefix). {@code UNTIL} is read in {@code zone}: a date
     * includes that whole local day, a UTC date-time is the last instant an occurrence may start.
     */
    static Recurrence parse(String text, ZoneId zone) {
        Map<String, String> parts = partsOf(text);
        String frequency = parts.get("FREQ");
        if (frequency == null) {
            throw SeriesRefusal.invalidRecurrence("FREQ is required.");
        }
        if (!frequency.equals("DAILY") && !frequency.equals("WEEKLY")) {
            throw SeriesRefusal.unsupportedRecurrence("FREQ=" + frequency + " is not supported; use DAILY or WEEKLY.");
        }
        if (parts.containsKey("COUNT") == parts.containsKey("UNTIL")) {
            throw parts.containsKey("COUNT")
                    ? SeriesRefusal.invalidRecurrence("COUNT and UNTIL exclude each other.")
                    : SeriesRefusal.unbounded();
        }
        Recur<Temporal> parsed;
        try {
            parsed = new Recur<>(String.join(
                    ";",
                    parts.entrySet().stream()
                            .map(part -> part.getKey() + "=" + part.getValue())
                            .toList()));
        } catch (RuntimeException e) {
            throw SeriesRefusal.invalidRecurrence(e.getMessage());
        }
        Recur.Builder<LocalDateTime> expansion = new Recur.Builder<LocalDateTime>()
                .frequency(frequency.equals("DAILY") ? Frequency.DAILY : Frequency.WEEKLY)
                .interval(positive(parts, "INTERVAL", parsed.getInterval()))
                .dayList(plainWeekdays(parsed.getDayList()));
        if (parts.containsKey("COUNT")) {
            expansion.count(positive(parts, "COUNT", parsed.getCount()));
        } else {
            expansion.until(localUntil(parsed.getUntil(), zone));
        }
        Recur<LocalDateTime> recur = expansion.build();
        return new Recurrence(recur.toString(), recur);
    }

    /**
     * The local start times of the first {@code limit} occurrences at most, from {@code first} on, which must
     * itself be one: a series starts with the period its request names.
     */
    List<LocalDateTime> startsFrom(LocalDateTime first, int limit) {
        List<LocalDateTime> starts = recur.getDates(first, first, first.plusYears(10), limit);
        if (starts.isEmpty() || !starts.get(0).equals(first)) {
            throw SeriesRefusal.startNotAnOccurrence(first.getDayOfWeek());
        }
        return starts;
    }

    private static Map<String, String> partsOf(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.strip().split(";", -1)) {
            String[] nameAndValue = part.split("=", -1);
            if (nameAndValue.length != 2 || nameAndValue[0].isBlank() || nameAndValue[1].isBlank()) {
                throw SeriesRefusal.invalidRecurrence("\"" + part + "\" is not a NAME=VALUE rule part.");
            }
            String name = nameAndValue[0].strip().toUpperCase(Locale.ROOT);
            if (!SUPPORTED_PARTS.contains(name)) {
                throw SeriesRefusal.unsupportedRecurrence(
                        name + " is not supported; a series may use " + "FREQ, INTERVAL, BYDAY, COUNT and UNTIL.");
            }
            if (parts.put(name, nameAndValue[1].strip().toUpperCase(Locale.ROOT)) != null) {
                throw SeriesRefusal.invalidRecurrence(name + " is given twice.");
            }
        }
        return parts;
    }

    private static Integer positive(Map<String, String> parts, String name, int value) {
        if (!parts.containsKey(name)) {
            return null;
        }
        if (value < 1) {
            throw SeriesRefusal.invalidRecurrence(name + " must be a positive whole number.");
        }
        return value;
    }

    private static List<WeekDay> plainWeekdays(List<WeekDay> days) {
        if (days.stream().anyMatch(day -> day.getOffset() != 0)) {
            throw SeriesRefusal.unsupportedRecurrence("BYDAY takes plain weekdays (MO, TU, …), without ordinals.");
        }
        return days.stream()
                .map(day -> WeekDay.getWeekDay(day.getDay()))
                .distinct()
                .toList();
    }

    private static LocalDateTime localUntil(Temporal until, ZoneId zone) {
        if (until instanceof LocalDate date) {
            return date.atTime(LocalTime.MAX);
        }
        if (until instanceof LocalDateTime local) {
            return local;
        }
        if (until instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone).toLocalDateTime();
        }
        if (until instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone).toLocalDateTime();
        }
        if (until instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, zone);
        }
        throw SeriesRefusal.invalidRecurrence("UNTIL must be a date or a UTC date-time.");
    }
}
