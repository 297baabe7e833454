package com.coworkly.platform.web;

import java.util.Map;

/**
 * A "no" from a business rule: the caller asked for something the rules do not allow. It carries a stable
 * machine {@code code} (the problem's {@code code}) and a human detail in business words. Technical failures
 * are never refusals: they are bugs and answer 500 without their message.
 */
public abstract class BusinessRefusal extends RuntimeException {

    /** Which kind of "no" this is; the HTTP status follows from it in one place. */
    public enum Kind {
        BAD_REQUEST,
        INVALID,
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN,
        UNAUTHENTICATED,
        TOO_MANY_REQUESTS,
        UNAVAILABLE
    }

    private final ProblemCode code;
    private final Kind kind;
    private final Map<String, Object> properties;

    protected BusinessRefusal(ProblemCode code, Kind kind, String detail) {
        this(code, kind, detail, Map.of());
    }

    /** With {@code properties}: facts the caller needs besides the detail, added to the problem as members. */
    protected BusinessRefusal(ProblemCode code, Kind kind, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.code = code;
        this.kind = kind;
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public ProblemCode code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** When asking again may succeed, for a refusal that only time lifts (sent as {@code Retry-After}). */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.empty();
    }
}
