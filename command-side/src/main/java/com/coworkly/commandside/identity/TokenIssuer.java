package com.coworkly.commandside.identity;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.platform.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Exchanges an email and password for a signed access token. The token's roles are the account's network
 * roles plus MANAGER for a member who manages at least one space; which spaces is checked per command.
 */
@Component
class TokenIssuer {

    record IssuedToken(String accessToken, Duration expiresIn) {}

    /** Verified against when the email is unknown, so that a wrong email takes as long as a wrong password. */
    private final String decoyHash;

    private final Accounts accounts;
    private final SignInAttempts attempts;
    private final PasswordEncoder passwords;
    private final JwtEncoder encoder;
    private final SpaceDirectory spaces;
    private final Clock clock;
    private final String issuer;
    private final Duration lifetime;

    TokenIssuer(
            Accounts accounts,
            SignInAttempts attempts,
            PasswordEncoder passwords,
            JwtEncoder encoder,
            SpaceDirectory spaces,
            Clock clock,
            @Value("${booking.identity.issuer}") String issuer,
            @Value("${booking.identity.token-lifetime:PT1H}") Duration lifetime) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.passwords = passwords;
        this.encoder = encoder;
        this.spaces = spaces;
        this.clock = clock;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.decoyHash = passwords.encode("decoy password for unknown emails");
    }

    /** From {@code clientAddress}, within the sign-in limits: past them the password is not even checked. */
    IssuedToken issue(String email, Password password, String clientAddress) {
        SignInAttempts.Attempt attempt = attempts.begin(email, clientAddress);
        Accounts.Account account = accounts.findByEmail(email).orElse(null);
        String hash = account == null ? decoyHash : account.passwordHash();
        if (!passwords.matches(password.value(), hash) || account == null) {
            throw IdentityRefusal.wrongCredentials();
        }
        attempts.succeeded(attempt);
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(account.memberId().value())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(
                        "roles",
                        rolesOf(account).stream().map(Role::name).sorted().toList())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, lifetime);
    }

    private Set<Role> rolesOf(Accounts.Account account) {
        Set<Role> roles = EnumSet.copyOf(account.roles());
        if (spaces.managesAnySpace(account.memberId())) {
            roles.add(Role.MANAGER);
        }
        return roles;
    }
}
