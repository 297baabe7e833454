package com.coworkly.platform.security;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache of verified tokens in front of a real RS256 decoder, with time moved by hand. */
class VerifiedTokensTest {

    /** The decoder checks expiry against the real clock, so the tokens' times are set from it. */
    private static final Instant NOW = Instant.now();

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final RSAKey key = rsaKey();
    private final NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    private final JwtDecoder issuerDecoder = issuerDecoder(key);
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final ManualTime time = new ManualTime();
    private final VerifiedTokens tokens = new VerifiedTokens(
            token -> {
                signatureChecks.incrementAndGet();
                return issuerDecoder.decode(token);
            },
            100,
            MAX_AGE,
            time.clock(),
            time);

    @Test
    void aTokenIsCheckedOnceAndThenKnown() {
        String token = signed("mia", NOW.plus(Duration.ofHours(1)));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo("mia");
        assertThat(again).isSameAs(first);
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aKnownTokenIsCheckedAgainAfterTheLongestTimeItIsKept() {
        String token = signed("mia", NOW.plus(Duration.ofHours(1)));
        tokens.decode(token);

        time.advance(MAX_AGE.minusSeconds(1));
        tokens.decode(token);
        assertThat(signatureChecks).as("within the time a token is kept").hasValue(1);

        time.advance(Duration.ofSeconds(2));
        tokens.decode(token);
        assertThat(signatureChecks).as("after it").hasValue(2);
    }

    @Test
    void aTokenIsForgottenWhenItExpires() {
        String token = signed("mia", NOW.plusSeconds(90));
        tokens.decode(token);

        time.advance(Duration.ofSeconds(89));
        tokens.decode(token);
        assertThat(signatureChecks).as("before it expires").hasValue(1);

        // From here on the issuer's decoder answers again, and refuses the token once it is past its expiry and
        // the decoder's clock skew (here it is not, in real time: only the question matters).
        time.advance(Duration.ofSeconds(2));
        tokens.decode(token);
        assertThat(signatureChecks).as("after it expired").hasValue(2);
    }

    @Test
    void anExpiredTokenIsRefusedAndNeverKept() {
        String expired = signed("mia", NOW.minus(Duration.ofMinutes(10)));

        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aTamperedTokenIsRefusedEveryTimeAndDoesNotDisturbTheGenuineOne() {
        String token = signed("mia", NOW.plus(Duration.ofHours(1)));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String tampered =
                parts[0] + "." + signed("admin", NOW.plus(Duration.ofHours(1))).split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(tokens.decode(token).getSubject()).isEqualTo("mia");
        assertThat(signatureChecks).hasValue(3);
    }

    private String signed(String subject, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("http://issuer.test")
                .subject(subject)
                .issuedAt(expiresAt.minus(Duration.ofHours(1)))
                .expiresAt(expiresAt)
                .build();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static JwtDecoder issuerDecoder(RSAKey key) {
        try {
            return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A wall clock and Caffeine's ticker that move together, and only when told. */
    private static final class ManualTime implements Ticker {

        private Instant now = NOW;
        private long nanos;

        void advance(Duration by) {
            now = now.plus(by);
            nanos += by.toNanos();
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }

        @Override
        public long read() {
            return nanos;
        }
    }
}
