package com.coworkly.queryside.notifications;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MembershipId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * The emails to send, in {@code outbound_email}. Written in the notifications processor's transaction, so an
 * email exists exactly when the processor's token has passed its event; read and updated by the dispatcher,
 * one statement (and transaction) at a time, never around an SMTP call. Every time is the database's clock,
 * which all instances share.
 */
@Component
class Outbox {

    private static final RowMapper<OutboundEmail> EMAIL = (rs, row) -> new OutboundEmail(
            rs.getLong("id"),
            rs.getString("booking_id") != null
                    ? "booking " + rs.getString("booking_id")
                    : rs.getString("membership_id") != null
                            ? "membership " + rs.getString("membership_id")
                            : "company " + rs.getString("company_id"),
            EmailKind.valueOf(rs.getString("kind")),
            rs.getString("recipient"),
            rs.getString("subject"),
            rs.getString("body"),
            rs.getString("message_id"),
            rs.getInt("failures"));

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False if this booking already has an email of this kind: then nothing is written. */
    boolean add(BookingId bookingId, EmailKind kind, Email email, String messageId) {
        return jdbc.update(
                        """
                INSERT INTO outbound_email (booking_id, kind, recipient, subject, body, message_id)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT outbound_email_once_per_booking_and_kind DO NOTHING""",
                        bookingId.value(),
                        kind.name(),
                        email.recipient(),
                        email.subject(),
                        email.body(),
                        messageId)
                == 1;
    }

    /**
     * False if this membership already has an email of this kind about this invoice ({@code invoiceId} null for
     * the kinds sent once per membership): then nothing is written. No conflict target: the key is a partial
     * unique index, which a target would have to repeat.
     */
    boolean add(MembershipId membershipId, String invoiceId, EmailKind kind, Email email, String messageId) {
        return addAbout("membership_id", membershipId.value(), invoiceId, kind, email, messageId);
    }

    /** False if this company's administrator {@code email.recipient()} has had this invoice's email already. */
    boolean add(CompanyId companyId, String invoiceId, EmailKind kind, Email email, String messageId) {
        return addAbout("company_id", companyId.value(), invoiceId, kind, email, messageId);
    }

    /** {@code about} is a column name of ours, never input. */
    private boolean addAbout(String about, String id, String invoiceId, EmailKind kind, Email email, String messageId) {
        return jdbc.update(
                        "INSERT INTO outbound_email (" + about
                                + ", invoice_id, kind, recipient, subject, body, message_id)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        id,
                        invoiceId,
                        kind.name(),
                        email.recipient(),
                        email.subject(),
                        email.body(),
                        messageId)
                == 1;
    }

    /**
     * Claims up to {@code limit} unsent emails that are due and not claimed by another instance, for
     * {@code lease}. {@code SKIP LOCKED} lets instances claim side by side without waiting for each other; the
     * claim commits with this statement, before any email is sent.
     */
    List<OutboundEmail> claimDue(int limit, Duration lease) {
        // Tried in the order they fell due, not by id: an old email that keeps failing is due again only after its
        // back-off, so it cannot stand before every email written after it (each failure gives the rest back).
        return jdbc.query("""
                WITH claimed AS (
                    UPDATE outbound_email e SET claimed_until = now() + ? * interval '1 millisecond'
                    FROM (SELECT id FROM outbound_email
                          WHERE sent_at IS NULL AND next_attempt_at <= now()
                            AND (claimed_until IS NULL OR claimed_until < now())
                          ORDER BY next_attempt_at, id
                          LIMIT ?
                          FOR UPDATE SKIP LOCKED) due
                    WHERE e.id = due.id
                    RETURNING e.*)
                SELECT * FROM claimed ORDER BY next_attempt_at, id""", EMAIL, lease.toMillis(), limit);
    }

    void sent(OutboundEmail email) {
        jdbc.update(
                "UPDATE outbound_email SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = ?",
                email.id());
    }

    /** The send failed: try again after {@code wait}, on whichever instance claims it then. */
    void failed(OutboundEmail email, String error, Duration wait) {
        jdbc.update("""
                UPDATE outbound_email
                SET failures = failures + 1, last_error = ?, claimed_until = NULL,
                    next_attempt_at = now() + ? * interval '1 millisecond'
                WHERE id = ?""", error, wait.toMillis(), email.id());
    }

    /** Gives back claimed emails that were not tried, so that the next run takes them. */
    void release(List<OutboundEmail> emails) {
        emails.forEach(email -> jdbc.update("UPDATE outbound_email SET claimed_until = NULL WHERE id = ?", email.id()));
    }

    long unsent() {
        return jdbc.queryForObject("SELECT count(*) FROM outbound_email WHERE sent_at IS NULL", Long.class);
    }

    long unsentAfterFailures() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM outbound_email WHERE sent_at IS NULL AND failures > 0", Long.class);
    }
}
