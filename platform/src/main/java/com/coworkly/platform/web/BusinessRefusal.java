package com.coworkly.platform.web;

/**
 * A "no" from a business rule: the caller asked for something the rules do not allow. It carries a stable
 * machine {@code code} (the problem's {@code code}) and a human detail in business words. Technical failures
 * are never refusals: they are bugs and answer 500 without their message.
 */
public abstract class BusinessRefusal extends RuntimeException {

    /** Which kind of "no" this is; the HTTP status follows from it in one place. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED, UNAVAILABLE }

    private final String code;
    private final Kind kind;

    protected BusinessRefusal(String code, Kind kind, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
