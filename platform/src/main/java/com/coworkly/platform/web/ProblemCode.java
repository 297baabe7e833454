package com.coworkly.platform.web;

/**
 * The stable machine {@code code} of a problem, as clients read it from problem+json. Codes are constants of
 * enums that implement this ({@link ConventionCode} here, one closed set per service for its business rules),
 * so that the compiler checks every code a refusal names or a caller compares; the wire carries
 * {@link #name()} exactly as it is spelled.
 */
public interface ProblemCode {

    /** The code as sent, e.g. {@code SLOT_UNAVAILABLE}. */
    String name();
}
