package com.coworkly.events.booking;

/** Why a booking was cancelled. */
public enum CancellationReason {
    /** The member called it off. */
    BY_MEMBER,
    /** A manager of the space or an administrator called it off. */
    BY_STAFF,
    /** A maintenance block displaced it. */
    MAINTENANCE
}
