package com.coworkly.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks each bearer token once, not once per request: a token the issuer's decoder has accepted is kept, by its exact
 * text, and the same text is accepted again without checking its RS256 signature. That check was 8 % of the command
 * side's CPU per booking (docs/benchmarks.md); a member's client sends the same token with every request for an hour.
 * <p>
 * Only accepted tokens are kept, so a caller without a valid token cannot fill the cache, and every refusal is the
 * decoder's own. A token is kept until it expires and at most {@code maxAge}: an expired token goes back to the
 * decoder, which refuses it as before, and a token signed with a key the issuer has since withdrawn is refused within
 * {@code maxAge}, as it would be once the decoder's own copy of the key set is refreshed (decision 32).
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder issuer;
    private final Cache<String, Jwt> accepted;

    VerifiedTokens(JwtDecoder issuer, long maxSize, Duration maxAge) {
        this(issuer, maxSize, maxAge, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokens(JwtDecoder issuer, long maxSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.issuer = issuer;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> keptFor(jwt, maxAge, clock.instant())))
                .ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = accepted.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = issuer.decode(token);
        accepted.put(token, jwt);
        return jwt;
    }

    private static Duration keptFor(Jwt jwt, Duration maxAge, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return maxAge;
        }
        Duration untilExpiry = Duration.between(now, expiresAt);
        return untilExpiry.isNegative() ? Duration.ZERO : untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }
}
