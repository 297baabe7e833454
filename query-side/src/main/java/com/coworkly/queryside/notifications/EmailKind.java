package com.coworkly.queryside.notifications;

/** The emails a booking can cause; each is sent at most once per booking. */
enum EmailKind {
    /** The booking is paid (or needed no payment) and the member can count on it. */
    CONFIRMATION,
    /** Its space's reminder lead before the start of a confirmed booking. */
    REMINDER,
    /** The member or the space's staff called it off. */
    CANCELLATION,
    /** A maintenance block took its slot; it is refunded in full. */
    DISPLACEMENT,
    /** It was not paid in time. */
    EXPIRY
}
