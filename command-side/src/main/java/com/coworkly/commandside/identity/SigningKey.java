package com.coworkly.commandside.identity;

import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.UUID;

/**
 * The issuer's RS256 key pair. It is created once, at the first start of the first instance, and kept in
 * PostgreSQL: every instance signs with the same key, and tokens survive restarts. Concurrent first starts
 * race on the single row; the loser reads the winner's key.
 */
final class SigningKey {

    private SigningKey() {}

    static RSAKey loadOrCreate(JdbcTemplate jdbc) {
        KeyPair candidate = generate();
        jdbc.update(
                """
                INSERT INTO signing_key (id, key_id, private_key, public_key) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                UUID.randomUUID().toString(),
                candidate.getPrivate().getEncoded(),
                candidate.getPublic().getEncoded());
        return jdbc.queryForObject(
                "SELECT key_id, private_key, public_key FROM signing_key WHERE id = 1",
                (rs, row) -> new RSAKey.Builder(publicKey(rs.getBytes("public_key")))
                        .privateKey(privateKey(rs.getBytes("private_key")))
                        .keyID(rs.getString("key_id"))
                        .build());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }

    private static RSAPublicKey publicKey(byte[] encoded) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("stored public key is unreadable", e);
        }
    }

    private static RSAPrivateKey privateKey(byte[] encoded) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("stored private key is unreadable", e);
        }
    }
}
