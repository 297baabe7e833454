package com.coworkly.platform.web;

/** The codes of refusals that are not business rules but HTTP conventions, the same on both services. */
public enum ConventionCode implements ProblemCode {
    VALIDATION_FAILED,
    MALFORMED_JSON,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_ACCEPTABLE,
    PAYLOAD_TOO_LARGE,
    IDEMPOTENCY_KEY_REUSED,
    IDEMPOTENT_REQUEST_IN_PROGRESS,
    INTERNAL_ERROR,
    /** 503: the instance already serves as many requests as it may, and none finished in time (Retry-After). */
    OVERLOADED,
    /** 503: the database gave no connection in time, the pool being exhausted or PostgreSQL unreachable. */
    DATABASE_UNAVAILABLE,
    /** 503: the issuer's key set, needed to check the caller's token, could not be fetched. */
    ISSUER_UNAVAILABLE
}
