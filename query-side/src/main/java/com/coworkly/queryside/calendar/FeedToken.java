package com.coworkly.queryside.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a calendar feed's address: 32 random bytes (256 bits), URL-safe base64 without padding, so it
 * can be neither guessed nor enumerated. Only its SHA-256 is stored; a feed is found by looking that hash up,
 * so no comparison of secrets can leak through its timing how much of a guess was right.
 */
record FeedToken(String value) {

    private static final int RANDOM_BYTES = 32;

    static FeedToken random(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new FeedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Hex SHA-256 of the token's text; any text has one, so a mistyped address is simply not found. */
    String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Never the secret itself, so that a token cannot reach a log through a record's default toString. */
    @Override
    public String toString() {
        return "FeedToken[…]";
    }
}
