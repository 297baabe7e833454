package com.coworkly.commandside.payment;

import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.commandside.memberships.EndMembership;
import com.coworkly.commandside.memberships.RecordPeriodPaid;
import com.coworkly.commandside.memberships.RecordRenewalFailed;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Stripe Billing's events as membership commands. An invoice names its membership through its subscription's
 * metadata ({@code parent.subscription_details.metadata} since Stripe's 2025 API versions, directly under
 * {@code subscription_details} before), and its period through its subscription line. Which of several notices
 * still counts is the membership's decision, not this class's.
 */
final class StripeMembershipEvents {

    private StripeMembershipEvents() {}

    static Optional<TargetsAggregate> commandFor(String type, JsonNode object) {
        return switch (type) {
            case "invoice.paid" -> membershipOfInvoice(object).map(membership -> paid(membership, object));
            case "invoice.payment_failed" ->
                membershipOfInvoice(object)
                        .map(membership -> new RecordRenewalFailed(
                                membership, object.path("id").asText()));
            case "customer.subscription.deleted" ->
                text(object.path("metadata").path("membership_id"))
                        .map(id -> new EndMembership(new MembershipId(id), "subscription ended at Stripe"));
            default -> Optional.empty();
        };
    }

    private static RecordPeriodPaid paid(MembershipId membership, JsonNode invoice) {
        JsonNode period = invoice.path("lines").path("data").path(0).path("period");
        return new RecordPeriodPaid(
                membership,
                "stripe",
                invoice.path("id").asText(),
                new Period(
                        Instant.ofEpochSecond(period.path("start").asLong()),
                        Instant.ofEpochSecond(period.path("end").asLong())),
                Money.of(
                        invoice.path("amount_paid").asLong(),
                        invoice.path("currency").asText().toUpperCase(Locale.ROOT)));
    }

    private static Optional<MembershipId> membershipOfInvoice(JsonNode invoice) {
        return text(invoice.path("parent")
                        .path("subscription_details")
                        .path("metadata")
                        .path("membership_id"))
                .or(() -> text(
                        invoice.path("subscription_details").path("metadata").path("membership_id")))
                .map(MembershipId::new);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
