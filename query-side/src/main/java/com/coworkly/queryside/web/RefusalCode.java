package com.coworkly.queryside.web;

import com.coworkly.platform.web.ProblemCode;

/**
 * Every code with which the query-side refuses a request for a business reason: the closed set that clients may
 * rely on, sent as it is spelled here. The HTTP conventions' codes ({@code VALIDATION_FAILED} and the like) are
 * the platform's {@link com.coworkly.platform.web.ConventionCode}.
 */
public enum RefusalCode implements ProblemCode {
    AGGREGATE_NOT_FOUND,
    BOOKING_NOT_FOUND,
    COMPANY_NOT_FOUND,
    CALENDAR_FEED_NOT_FOUND,
    INVALID_RANGE,
    INVOICE_NOT_FOUND,
    MEMBERSHIP_NOT_FOUND,
    NOT_ALLOWED_TO_LIST_INVOICES,
    NOT_AN_ADMINISTRATOR,
    NOT_AN_AUDITOR,
    NOT_MANAGER_OF_SPACE,
    NOT_YOUR_BOOKING,
    NOT_YOUR_COMPANY,
    NOT_YOUR_INVOICE,
    PLAN_NOT_FOUND,
    PROCESSING_GROUP_NOT_FOUND,
    PROJECTION_NOT_FOUND,
    PROJECTION_NOT_REPLAYABLE,
    READ_MODEL_BEHIND,
    REPLAY_ALREADY_RUNNING,
    RESOURCE_NOT_FOUND,
    SPACE_NOT_FOUND
}
