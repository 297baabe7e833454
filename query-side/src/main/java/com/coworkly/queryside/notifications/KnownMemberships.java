package com.coworkly.queryside.notifications;

import com.coworkly.events.common.MembershipId;
import com.coworkly.events.membership.MembershipRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/**
 * The memberships the notifications know of ({@code notification_membership}), with their member's address from
 * {@code notification_member}, and which invoice paid each one's first period: that one's email says "started",
 * every later one's "renewed".
 */
@Component
class KnownMemberships {

    private final JdbcTemplate jdbc;

    KnownMemberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void requested(MembershipRequested event) {
        jdbc.update(
                """
                INSERT INTO notification_membership (membership_id, member_id, plan_name) VALUES (?, ?, ?)
                ON CONFLICT (membership_id) DO NOTHING""",
                event.membershipId().value(),
                event.memberId().value(),
                event.terms().name());
    }

    /** Records the invoice as the first period's, unless one is recorded; true if it is the first period's. */
    boolean paidFirstPeriod(MembershipId membershipId, String invoiceId) {
        jdbc.update(
                "UPDATE notification_membership SET first_invoice_id = ? "
                        + "WHERE membership_id = ? AND first_invoice_id IS NULL",
                invoiceId,
                membershipId.value());
        return invoiceId.equals(firstInvoice(membershipId).orElse(null));
    }

    boolean everPaid(MembershipId membershipId) {
        return firstInvoice(membershipId).isPresent();
    }

    /**
     * Empty only if the membership or its member has not been seen: with the processor's single segment, that is a
     * bug or a damaged table, not a race.
     */
    Optional<MembershipDetails> find(MembershipId membershipId) {
        return jdbc
                .query(
                        """
                SELECT m.email, m.name, s.plan_name
                FROM notification_membership s JOIN notification_member m ON m.member_id = s.member_id
                WHERE s.membership_id = ?""",
                        (rs, row) -> new MembershipDetails(
                                membershipId, rs.getString("email"), rs.getString("name"), rs.getString("plan_name")),
                        membershipId.value())
                .stream()
                .findFirst();
    }

    void forgetAll() {
        jdbc.update("TRUNCATE notification_membership");
    }

    private Optional<String> firstInvoice(MembershipId membershipId) {
        return jdbc
                .queryForList(
                        "SELECT first_invoice_id FROM notification_membership WHERE membership_id = ?",
                        String.class,
                        membershipId.value())
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }
}
