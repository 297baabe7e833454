package com.coworkly.commandside.identity;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.platform.web.BusinessRefusal;

import java.time.Duration;
import java.util.Optional;

final class IdentityRefusal extends BusinessRefusal {

    private final Duration retryAfter;

    private IdentityRefusal(RefusalCode code, Kind kind, String detail) {
        this(code, kind, detail, null);
    }

    private IdentityRefusal(RefusalCode code, Kind kind, String detail, Duration retryAfter) {
        super(code, kind, detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    static IdentityRefusal emailTaken() {
        return new IdentityRefusal(
                RefusalCode.EMAIL_ALREADY_REGISTERED, Kind.CONFLICT, "A member with this email is already registered.");
    }

    static IdentityRefusal wrongCredentials() {
        return new IdentityRefusal(
                RefusalCode.INVALID_CREDENTIALS, Kind.UNAUTHENTICATED, "Unknown email or wrong password.");
    }

    /** The same whether the account or the address ran out, and whether the account exists. */
    static IdentityRefusal tooManySignInAttempts(Duration wait) {
        return new IdentityRefusal(
                RefusalCode.TOO_MANY_SIGN_IN_ATTEMPTS,
                Kind.TOO_MANY_REQUESTS,
                "Too many failed sign-ins; try again later.",
                wait);
    }
}
