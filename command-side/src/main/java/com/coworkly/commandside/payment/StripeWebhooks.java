package com.coworkly.commandside.payment;

import com.coworkly.commandside.booking.ConfirmPayment;
import com.coworkly.commandside.booking.FailPayment;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.commandside.series.ConfirmSeriesPayment;
import com.coworkly.commandside.series.FailSeriesPayment;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.SeriesId;
import com.coworkly.platform.web.BusinessRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * Turns Stripe's payment events into commands on the booking they name. Every event is checked against the
 * signing secret first. Stripe delivers at least once and in no particular order; the booking decides what an
 * event still means (a second success, or a failure after a success, changes nothing), so this class keeps
 * no record of its own.
 */
@Component
class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
    private static final Actor STRIPE = Actor.system("stripe-webhook");

    static final class InvalidSignature extends BusinessRefusal {
        InvalidSignature() {
            super(RefusalCode.INVALID_SIGNATURE, Kind.BAD_REQUEST, "The Stripe-Signature does not match this payload.");
        }
    }

    private final CommandSender commands;
    private final ObjectMapper json;
    private final String signingSecret;
    private final long toleranceSeconds;

    StripeWebhooks(
            CommandSender commands,
            ObjectMapper json,
            @Value("${booking.payments.stripe.webhook-secret:}") String signingSecret,
            @Value("${booking.payments.stripe.webhook-tolerance-seconds:300}") long toleranceSeconds) {
        this.commands = commands;
        this.json = json;
        this.signingSecret = signingSecret;
        this.toleranceSeconds = toleranceSeconds;
    }

    /** The event position of what the event changed, if it named a booking this system knows. */
    OptionalLong receive(String payload, String signature) {
        verify(payload, signature);
        JsonNode event = parse(payload);
        String type = event.path("type").asText();
        JsonNode intent = event.path("data").path("object");
        if (type.startsWith("invoice.") || type.equals("customer.subscription.deleted")) {
            return StripeMembershipEvents.commandFor(type, intent)
                    .map(command -> send(command, event.path("id").asText()))
                    .orElseGet(() -> {
                        log.debug(
                                "Stripe event {} of type {} names no membership; acknowledged",
                                event.path("id").asText(),
                                type);
                        return OptionalLong.empty();
                    });
        }
        String bookingId = intent.path("metadata").path("booking_id").asText(null);
        String seriesId = intent.path("metadata").path("series_id").asText(null);
        if ((bookingId == null && seriesId == null) || !type.startsWith("payment_intent.")) {
            log.debug(
                    "Stripe event {} of type {} names no booking; acknowledged",
                    event.path("id").asText(),
                    type);
            return OptionalLong.empty();
        }
        String paymentId = intent.path("id").asText();
        String failure = intent.path("last_payment_error").path("message").asText("declined");
        TargetsAggregate command = switch (type) {
            case "payment_intent.succeeded" ->
                seriesId != null
                        ? new ConfirmSeriesPayment(new SeriesId(seriesId), "stripe", paymentId)
                        : new ConfirmPayment(new BookingId(bookingId), "stripe", paymentId);
            case "payment_intent.payment_failed" ->
                seriesId != null
                        ? new FailSeriesPayment(new SeriesId(seriesId), paymentId, failure)
                        : new FailPayment(new BookingId(bookingId), paymentId, failure);
            default -> null;
        };
        return command == null
                ? OptionalLong.empty()
                : send(command, event.path("id").asText());
    }

    private OptionalLong send(TargetsAggregate command, String eventId) {
        try {
            return OptionalLong.of(
                    commands.send(command, ActorMetaData.of(STRIPE).and("stripeEventId", eventId))
                            .eventPosition());
        } catch (BusinessRefusal e) {
            if (e.code() != RefusalCode.BOOKING_NOT_FOUND
                    && e.code() != RefusalCode.SERIES_NOT_FOUND
                    && e.code() != RefusalCode.MEMBERSHIP_NOT_FOUND) {
                throw e;
            }
            // A payment for a booking or membership this system does not know (another environment's, say).
            log.warn("Stripe event {} names an unknown booking or membership; acknowledged and ignored", eventId);
            return OptionalLong.empty();
        }
    }

    private void verify(String payload, String signature) {
        if (signature == null || signingSecret.isBlank()) {
            throw new InvalidSignature();
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, signingSecret, toleranceSeconds);
        } catch (SignatureVerificationException e) {
            throw new InvalidSignature();
        }
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the Stripe event is not JSON");
        }
    }
}
