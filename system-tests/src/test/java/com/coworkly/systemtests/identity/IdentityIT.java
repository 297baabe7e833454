package com.coworkly.systemtests.identity;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedSystem.class)
class IdentityIT {

    private Api api;
    private EventStore events;

    @BeforeEach
    void connect(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
    }

    @Test
    void aNewMemberSignsInWithATokenThatNamesThemAsMember() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@example.test";
        Reply registered = api.commandSide()
                .post("/api/members", Map.of("email", email, "name", "Nora New", "password", Api.TEST_PASSWORD))
                .expectStatus(201);
        String memberId = registered.body().get("memberId").asText();

        Reply token = api.commandSide()
                .post("/api/auth/token", Map.of("username", email, "password", Api.TEST_PASSWORD))
                .expectStatus(200);

        assertThat(token.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.body().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(token.header("Cache-Control")).contains("no-store");
        JWTClaimsSet claims =
                SignedJWT.parse(token.body().get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(memberId);
        assertThat(claims.getStringListClaim("roles")).containsExactly("MEMBER");
        assertThat(events.typesOf(memberId)).containsExactly("MemberRegistered");
    }

    @Test
    void thePasswordIsStoredOnlyAsAStrongHash() {
        String email = "hash-" + UUID.randomUUID() + "@example.test";
        String memberId = api.commandSide()
                .post("/api/members", Map.of("email", email, "name", "Hal Hash", "password", Api.TEST_PASSWORD))
                .expectStatus(201)
                .body()
                .get("memberId")
                .asText();

        String hash = events.strings(
                        "SELECT password_hash FROM command_side.member_account WHERE member_id = ?", memberId)
                .get(0);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(Api.TEST_PASSWORD);
        String event = events.strings(
                        "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                                + "WHERE aggregate_identifier = ?",
                        memberId)
                .get(0);
        assertThat(event).contains(email).doesNotContain(Api.TEST_PASSWORD).doesNotContain(hash);
    }

    @Test
    void anEmailRegistersOnceWhateverItsCase() {
        String email = "once-" + UUID.randomUUID() + "@example.test";
        api.commandSide()
                .post("/api/members", Map.of("email", email, "name", "First", "password", Api.TEST_PASSWORD))
                .expectStatus(201);
        long before = events.count();

        api.commandSide()
                .post(
                        "/api/members",
                        Map.of("email", email.toUpperCase(), "name", "Second", "password", Api.TEST_PASSWORD))
                .expectProblem(409, "EMAIL_ALREADY_REGISTERED");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void registrationsRacingForOneEmailStoreOneMember() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.test";
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Integer>> registrations = java.util.stream.IntStream.range(0, racers)
                    .<Callable<Integer>>mapToObj(i -> () -> api.commandSide()
                            .post(
                                    "/api/members",
                                    Map.of("email", email, "name", "Racer " + i, "password", Api.TEST_PASSWORD))
                            .status())
                    .toList();
            List<Integer> statuses =
                    pool.invokeAll(registrations).stream().map(IdentityIT::get).toList();

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(racers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(events.longValue(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE "
                                + "'%MemberRegistered' AND convert_from(payload, 'UTF8') LIKE ?",
                        "%" + email + "%"))
                .isEqualTo(1);
        assertThat(events.longValue("SELECT count(*) FROM command_side.member_account WHERE email = ?", email))
                .isEqualTo(1);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAreRefusedAlike() {
        api.commandSide()
                .post("/api/auth/token", Map.of("username", Api.MEMBER, "password", "not the password"))
                .expectProblem(401, "INVALID_CREDENTIALS");
        api.commandSide()
                .post("/api/auth/token", Map.of("username", "nobody@example.test", "password", "whatever1234"))
                .expectProblem(401, "INVALID_CREDENTIALS");
    }

    @Test
    void theIssuerPublishesTheKeyItSignsWith() throws Exception {
        String token = api.signIn(Api.MEMBER).token();
        JsonNode keys = api.commandSide()
                .get("/.well-known/jwks.json")
                .expectStatus(200)
                .body()
                .get("keys");

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("kid").asText())
                .isEqualTo(SignedJWT.parse(token).getHeader().getKeyID());
        assertThat(keys.get(0).has("d")).as("no private part in the key set").isFalse();
        JsonNode discovery = api.commandSide()
                .get("/.well-known/openid-configuration")
                .expectStatus(200)
                .body();
        assertThat(discovery.get("jwks_uri").asText()).endsWith("/.well-known/jwks.json");
    }

    @Test
    void tokensNotSignedByTheIssuerAreRefusedByBothSides() throws Exception {
        Api.Session member = api.signIn(Api.MEMBER);
        SignedJWT genuine = SignedJWT.parse(member.token());
        JWTClaimsSet claims = genuine.getJWTClaimsSet();
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(stranger.getKeyID())
                        .build(),
                claims);
        forged.sign(new RSASSASigner(stranger));
        String unsigned = new PlainJWT(claims).serialize();
        JWTClaimsSet expiredClaims = new JWTClaimsSet.Builder(claims)
                .issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                .expirationTime(new Date(System.currentTimeMillis() - 3_600_000))
                .build();
        String tampered = reSigned(member.token(), expiredClaims);

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("signed with another key under the issuer's key id", forged.serialize());
        refused.put("unsigned (PlainJWT)", unsigned);
        refused.put("expiry edited without signing again", tampered);
        refused.put(
                "expired, signed by the issuer's own key",
                signedByTheIssuer(expiredClaims, genuine.getHeader().getKeyID()));
        refused.put(
                "alg none, the original claims, no signature", withHeader(member.token(), "{\"alg\":\"none\"}", ""));
        refused.put(
                "alg none, the original claims and signature",
                withHeader(
                        member.token(),
                        "{\"alg\":\"none\",\"kid\":\"" + genuine.getHeader().getKeyID() + "\"}",
                        member.token().split("\\.")[2]));
        refused.put("alg NONE, a bogus signature", withHeader(member.token(), "{\"alg\":\"NONE\"}", "bogus"));
        refused.put("HS256 keyed with the issuer's public key", hmacKeyedWithThePublicKey(claims));
        refused.put("not a token", "not-a-token");

        refused.forEach((what, token) -> {
            api.commandSide().withToken(token).post("/api/spaces", Map.of()).expectProblem(401, "UNAUTHENTICATED");
            api.querySide().withToken(token).get("/api/spaces").expectProblem(401, "UNAUTHENTICATED");
            api.querySide().withToken(token).get("/api/members/me/bookings").expectProblem(401, "UNAUTHENTICATED");
        });
        api.querySide().as(member).get("/api/spaces").expectStatus(200);
        api.commandSide()
                .withToken(signedByTheIssuer(claims, genuine.getHeader().getKeyID()))
                .post("/api/spaces", Catalogue.aSpace("Control " + UUID.randomUUID()))
                .expectProblem(403, "FORBIDDEN");
    }

    /**
     * Claims signed with the issuer's own private key, read from where the embedded issuer keeps it: the one way to
     * hold a token the issuer really signed whose expiry has passed without waiting an hour.
     */
    private String signedByTheIssuer(JWTClaimsSet claims, String keyId) throws Exception {
        byte[] encoded = Base64.getMimeDecoder()
                .decode(events.strings(
                                "SELECT encode(private_key, 'base64') FROM command_side.signing_key WHERE key_id = ?",
                                keyId)
                        .get(0));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    /** The token's own claims under another header, with the given signature part. */
    private static String withHeader(String token, String header, String signature) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes()) + "." + token.split("\\.")[1]
                + "." + signature;
    }

    /** The algorithm confusion attack: the public key, which anyone can fetch, used as an HMAC secret. */
    private String hmacKeyedWithThePublicKey(JWTClaimsSet claims) throws Exception {
        RSAKey published = RSAKey.parse(api.commandSide()
                .get("/.well-known/jwks.json")
                .expectStatus(200)
                .body()
                .get("keys")
                .get(0)
                .toString());
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(published.getKeyID())
                        .build(),
                claims);
        token.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
        return token.serialize();
    }

    /** The issuer's signature over other claims: what an attacker editing a token's expiry produces. */
    private static String reSigned(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.toString().getBytes());
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
