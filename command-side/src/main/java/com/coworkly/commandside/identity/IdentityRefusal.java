package com.coworkly.commandside.identity;

import com.coworkly.platform.web.BusinessRefusal;

final class IdentityRefusal extends BusinessRefusal {

    private IdentityRefusal(String code, Kind kind, String detail) {
        super(code, kind, detail);
    }

    static IdentityRefusal emailTaken() {
        return new IdentityRefusal("EMAIL_ALREADY_REGISTERED", Kind.CONFLICT,
                "A member with this email is already registered.");
    }

    static IdentityRefusal wrongCredentials() {
        return new IdentityRefusal("INVALID_CREDENTIALS", Kind.UNAUTHENTICATED, "Unknown email or wrong password.");
    }
}
