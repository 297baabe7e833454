package com.coworkly.commandside.series;

/** What a series does with occurrences that cannot be booked (series in local time, docs/domain.md). */
public enum OnConflict {
    /** Book nothing and say which occurrences conflict, and why. */
    REJECT,
    /** Book the others and say which were skipped, and why. */
    SKIP
}
