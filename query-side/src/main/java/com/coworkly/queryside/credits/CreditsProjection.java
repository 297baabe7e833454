package com.coworkly.queryside.credits;

import com.coworkly.events.credits.CreditsCarriedOver;
import com.coworkly.events.credits.CreditsExpired;
import com.coworkly.events.credits.CreditsGranted;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.credits.CreditsRolledOver;
import com.coworkly.events.credits.CreditsSpent;
import com.coworkly.events.credits.GrantShare;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps each credit ledger's grants with what is left of them, and its statement. Every movement is one entry, keyed
 * by the ledger's event and the grant it moved; a grant's remainder changes only in the statement that inserts its
 * entry, so an event delivered twice, or a replay, moves nothing twice.
 */
@Component
@ProcessingGroup(CreditsProjection.GROUP)
class CreditsProjection {

    static final String GROUP = "credits";

    private static final String MOVE = """
            WITH entry AS (
                INSERT INTO credit_entry_view (account_id, position, kind, minutes, grant_id, booking_id, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, position, grant_id, kind) DO NOTHING
                RETURNING 1)
            UPDATE credit_grant_view SET remaining = remaining + ?
            WHERE grant_id = ? AND EXISTS (SELECT 1 FROM entry)""";

    private final JdbcTemplate jdbc;

    CreditsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CreditsGranted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO credit_grant_view (grant_id, account_id, granted, remaining, resource_kinds, granted_at,
                                               expires_at)
                VALUES (?, ?, ?, 0, ?::text[], ?, ?)
                ON CONFLICT (grant_id) DO NOTHING""",
                event.grantId(),
                event.accountId().value(),
                event.minutes(),
                "{"
                        + String.join(
                                ",",
                                event.resourceKinds().stream().map(Enum::name).toList()) + "}",
                java.sql.Timestamp.from(at),
                java.sql.Timestamp.from(event.expiresAt()));
        move(event.accountId().value(), sequence, "GRANTED", event.minutes(), event.grantId(), null, at);
    }

    @EventHandler
    void on(CreditsSpent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        for (GrantShare share : event.from()) {
            move(
                    event.accountId().value(),
                    sequence,
                    "SPENT",
                    -share.minutes(),
                    share.grantId(),
                    event.bookingId().value(),
                    at);
        }
    }

    /** A forfeited share is on the statement, with its minutes, but changes no grant: its grant had expired. */
    @EventHandler
    void on(CreditsReturned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        for (GrantShare share : event.to()) {
            move(
                    event.accountId().value(),
                    sequence,
                    "RETURNED",
                    share.minutes(),
                    share.grantId(),
                    event.bookingId().value(),
                    at);
        }
        for (GrantShare share : event.forfeited()) {
            jdbc.update(
                    """
                    INSERT INTO credit_entry_view (account_id, position, kind, minutes, grant_id, booking_id, at)
                    VALUES (?, ?, 'FORFEITED', ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    event.accountId().value(),
                    sequence,
                    share.minutes(),
                    share.grantId(),
                    event.bookingId().value(),
                    java.sql.Timestamp.from(at));
        }
    }

    @EventHandler
    void on(CreditsExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        move(event.accountId().value(), sequence, "EXPIRED", -event.minutes(), event.grantId(), null, at);
    }

    /** The grant's minutes stay where they are; they are spendable for longer, waiting for the next period. */
    @EventHandler
    void on(CreditsCarriedOver event, @SequenceNumber long sequence, @Timestamp Instant at) {
        int entered = jdbc.update(
                """
                INSERT INTO credit_entry_view (account_id, position, kind, minutes, grant_id, booking_id, at)
                VALUES (?, ?, 'CARRIED_OVER', ?, ?, NULL, ?) ON CONFLICT DO NOTHING""",
                event.accountId().value(),
                sequence,
                event.minutes(),
                event.grantId(),
                java.sql.Timestamp.from(at));
        if (entered > 0) {
            jdbc.update(
                    "UPDATE credit_grant_view SET expires_at = ? WHERE grant_id = ?",
                    java.sql.Timestamp.from(event.until()),
                    event.grantId());
        }
    }

    /** The grant that ended waits no longer: it leaves the balance's list, its minutes living on in the next. */
    @EventHandler
    void on(CreditsRolledOver event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String account = event.accountId().value();
        move(account, sequence, "ROLLED_OVER", -event.minutes(), event.fromGrantId(), null, at);
        move(account, sequence, "ROLLED_OVER", event.minutes(), event.toGrantId(), null, at);
        jdbc.update(
                "UPDATE credit_grant_view SET expires_at = least(expires_at, ?) WHERE grant_id = ?",
                java.sql.Timestamp.from(at),
                event.fromGrantId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE credit_grant_view, credit_entry_view");
    }

    private void move(
            String account, long sequence, String kind, long minutes, String grantId, String bookingId, Instant at) {
        jdbc.update(
                MOVE,
                account,
                sequence,
                kind,
                minutes,
                grantId,
                bookingId,
                java.sql.Timestamp.from(at),
                minutes,
                grantId);
    }
}
