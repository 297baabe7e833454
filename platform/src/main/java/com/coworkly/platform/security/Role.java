package com.coworkly.platform.security;

/**
 * The roles of the network. A token carries them in its {@code roles} claim; Spring sees them as
 * {@code ROLE_<name>} authorities. MANAGER says only that a member manages some space: which spaces is
 * decided from the grants, per request.
 */
public enum Role {
    MEMBER,
    MANAGER,
    ADMIN,
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
