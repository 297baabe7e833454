package com.coworkly.commandside.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in budget of accounts and client addresses, kept in PostgreSQL so that every command-side instance
 * spends the same budget. An attempt is recorded <em>before</em> its password is checked and forgotten only if the
 * password was right: guesses sent at once, to several instances, all see each other, and only failures stay
 * counted. A right password forgets its own attempt and nothing else, so it gives no guesser a fresh budget.
 * Time is the database's, the one clock all instances share.
 */
@Component
class SignInAttempts {

    /** An attempt that counts until {@link #succeeded} forgets it. */
    record Attempt(long id) {}

    private final JdbcTemplate jdbc;
    private final SignInLimits limits;
    /** Someone is guessing, or a member forgot their password: for the operators' dashboards, not per request logs. */
    private final Counter refused;

    SignInAttempts(JdbcTemplate jdbc, SignInLimits limits, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.refused = Counter.builder("booking.sign.in.refused")
                .description("Sign-ins refused because the account or the client address had used its budget")
                .register(meters);
    }

    /** Counts an attempt for the email typed from the address, or refuses it if either has no budget left. */
    Attempt begin(String email, String clientAddress) {
        String account = accountKey(email);
        long id = jdbc.queryForObject("""
                INSERT INTO command_side.sign_in_attempt (account_key, client_address, attempted_at)
                VALUES (?, ?, now()) RETURNING attempt_id""", Long.class, account, clientAddress);
        Optional<Duration> wait = longest(
                waitFor("account_key", account, id, limits.failuresPerAccount()),
                waitFor("client_address", clientAddress, id, limits.failuresPerAddress()));
        if (wait.isPresent()) {
            forget(id);
            refused.increment();
            throw IdentityRefusal.tooManySignInAttempts(wait.get());
        }
        return new Attempt(id);
    }

    void succeeded(Attempt attempt) {
        forget(attempt.id());
    }

    /**
     * Other attempts within the window of this account or address: with {@code budget} of them, the newest
     * {@code budget}-th must leave the window before another attempt is allowed.
     */
    private Optional<Duration> waitFor(String column, String value, long own, int budget) {
        List<Double> secondsLeft = jdbc.queryForList(
                "SELECT extract(epoch FROM attempted_at "
                        + "+ make_interval(secs => ?) - now()) FROM command_side.sign_in_attempt WHERE " + column
                        + " = ? AND attempt_id <> ? AND attempted_at > now() - make_interval(secs => ?) "
                        + "ORDER BY attempted_at DESC LIMIT ?",
                Double.class,
                windowSeconds(),
                value,
                own,
                windowSeconds(),
                budget);
        if (secondsLeft.size() < budget) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(secondsLeft.get(budget - 1) * 1000)));
    }

    private static Optional<Duration> longest(Optional<Duration> one, Optional<Duration> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.isEmpty() || one.get().compareTo(other.get()) >= 0 ? one : other;
    }

    private void forget(long id) {
        jdbc.update("DELETE FROM command_side.sign_in_attempt WHERE attempt_id = ?", id);
    }

    @Scheduled(fixedDelayString = "${booking.identity.sign-in-limits.housekeeping-interval:PT5M}")
    void forgetAttemptsOutsideTheWindow() {
        jdbc.update(
                "DELETE FROM command_side.sign_in_attempt WHERE attempted_at < now() - make_interval(secs => ?)",
                windowSeconds());
    }

    private double windowSeconds() {
        return limits.window().toMillis() / 1000.0;
    }

    /** The email as the issuer compares it, hashed: the table says how often, never which address was tried. */
    private static String accountKey(String email) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Accounts.normalized(email).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
