package com.coworkly.queryside.notifications;

/**
 * The emails a booking, a membership or a company's invoice can cause. A booking's are sent at most once per booking;
 * a membership's once per membership (started, ended) or once per invoice (renewed, payment failed, suspended); a
 * company's invoice once to each of its administrators.
 */
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
    EXPIRY,
    /** A membership's first period is paid. */
    MEMBERSHIP_STARTED,
    /** A later period is paid, and its credits granted. */
    MEMBERSHIP_RENEWED,
    /** A renewal could not be collected; the grace period runs. */
    MEMBERSHIP_PAYMENT_FAILED,
    /** The grace period ran out unpaid. */
    MEMBERSHIP_SUSPENDED,
    /** The membership is over. */
    MEMBERSHIP_ENDED,
    /** A company's monthly invoice was issued: once per invoice to each of its administrators. */
    COMPANY_INVOICE_ISSUED
}
