package com.coworkly.commandside.booking;

/** What a series does with occurrences that cannot be booked (rule 6). */
public enum OnConflict {
    /** Book nothing and say which occurrences conflict, and why. */
    REJECT,
    /** Book the others and say which were skipped, and why. */
    SKIP
}
