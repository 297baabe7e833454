package com.coworkly.commandside.commands;

import com.coworkly.platform.web.ProblemCode;

/**
 * Every code with which the command-side refuses a request for a business reason: the closed set that clients may
 * rely on, sent as it is spelled here. The HTTP conventions' codes ({@code VALIDATION_FAILED} and the like) are
 * the platform's {@link com.coworkly.platform.web.ConventionCode}.
 */
public enum RefusalCode implements ProblemCode {
    BEYOND_BOOKING_HORIZON,
    BLOCK_CONFLICTS_WITH_BOOKINGS,
    BLOCK_IN_THE_PAST,
    BLOCK_NOT_FOUND,
    BOOKING_ALREADY_ENDED,
    BOOKING_ALREADY_STARTED,
    BOOKING_IN_THE_PAST,
    BOOKING_NOT_AWAITING_PAYMENT,
    BOOKING_NOT_FOUND,
    BOOKING_NOT_LIVE,
    BOOKING_TOO_LONG,
    BOOKING_TOO_SHORT,
    CURRENCY_MISMATCH,
    EMAIL_ALREADY_REGISTERED,
    INVALID_CREDENTIALS,
    INVALID_SIGNATURE,
    LOCAL_TIME_DOES_NOT_EXIST,
    MEMBER_LIMIT_REACHED,
    MEMBER_NOT_FOUND,
    NOTHING_TO_CANCEL,
    NOT_ALIGNED_TO_SLOT,
    NOT_MANAGER_OF_SPACE,
    NOT_YOUR_BOOKING,
    NOT_YOUR_SERIES,
    OUTSIDE_OPENING_HOURS,
    PAID_WITH_ITS_SERIES,
    PLAN_NOT_FOUND,
    PLAN_RETIRED,
    RECURRENCE_INVALID,
    RECURRENCE_NOT_SUPPORTED,
    RECURRENCE_UNBOUNDED,
    RESOURCE_NOT_FOUND,
    RESOURCE_RETIRED,
    SERIES_BEYOND_HORIZON,
    SERIES_HAS_CONFLICTS,
    SERIES_NOT_AWAITING_PAYMENT,
    SERIES_NOT_FOUND,
    SLOT_UNAVAILABLE,
    SPACE_NOT_FOUND,
    START_NOT_AN_OCCURRENCE,
    TOO_MANY_OCCURRENCES,
    TOO_MANY_SIGN_IN_ATTEMPTS
}
