package com.coworkly.systemtests.payment;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.coworkly.systemtests.support.StripeStandIn;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Paying a booking through Stripe: the requests the command side sends, and the webhooks it accepts. */
@ExtendWith(SharedSystem.class)
class PaymentsIT {

    private Api api;
    private EventStore events;
    private StripeStandIn stripe;
    private Api.Session member;
    private String desk;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        stripe = system.stripe();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Payments " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        member = api.newMember();
    }

    @Test
    void aBookingIsPaidThroughAStripePaymentIntentAndConfirmedByItsWebhook() {
        String bookingId = book().body().get("bookingId").asText();

        List<LoggedRequest> requests = stripe.paymentIntentRequestsFor(member.memberId());
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo("/v1/payment_intents");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeStandIn.API_KEY);
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo("booking-" + bookingId + "-payment");
            assertThat(StripeStandIn.form(request))
                    .contains(
                            "amount=1200",
                            "currency=eur",
                            "metadata[booking_id]=" + bookingId,
                            "metadata[member_id]=" + member.memberId());
        });

        Reply paid = api.pay(bookingId);

        assertThat(events.typesOf(bookingId))
                .containsExactly("BookingPlaced", "PaymentRequested", "BookingConfirmed", "InvoiceIssued");
        assertThat(api.querySide()
                        .as(member)
                        .get("/api/bookings/" + bookingId + "?after=" + paid.eventPosition())
                        .expectStatus(200)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aRepeatedSuccessChangesNothingAndALateFailureDoesNotUndoIt() {
        String bookingId = book().body().get("bookingId").asText();

        api.pay(bookingId);
        api.pay(bookingId);
        api.stripeSays("payment_intent.payment_failed", bookingId).expectStatus(200);

        assertThat(events.typesOf(bookingId))
                .containsExactly("BookingPlaced", "PaymentRequested", "BookingConfirmed", "InvoiceIssued");
    }

    @Test
    void aFailedPaymentExpiresTheBookingAndFreesTheSlot() {
        String bookingId = book().body().get("bookingId").asText();

        api.stripeSays("payment_intent.payment_failed", bookingId).expectStatus(200);

        assertThat(events.typesOf(bookingId)).containsExactly("BookingPlaced", "PaymentRequested", "BookingExpired");
        api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, inDays(4, 10, 0), inDays(4, 12, 0)))
                .expectStatus(201);
    }

    @Test
    void aPaymentThatSucceedsAfterTheBookingExpiredIsRefundedInFull() {
        String bookingId = book().body().get("bookingId").asText();
        api.stripeSays("payment_intent.payment_failed", bookingId).expectStatus(200);

        api.pay(bookingId);
        api.pay(bookingId);

        await("the refund of the late payment")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.typesOf(bookingId).contains("RefundIssued"));
        assertThat(events.typesOf(bookingId))
                .containsExactly(
                        "BookingPlaced", "PaymentRequested", "BookingExpired", "LatePaymentReceived", "RefundIssued");
        assertThat(stripe.refundRequestsFor(member.memberId()))
                .singleElement()
                .satisfies(request -> assertThat(StripeStandIn.form(request)).contains("amount=1200"));
    }

    @Test
    void webhooksWithoutAValidSignatureAreRefusedAndChangeNothing() {
        String bookingId = book().body().get("bookingId").asText();
        String payload = StripeStandIn.paymentIntentEvent(
                "evt_forged", "payment_intent.succeeded", "pi_booking-" + bookingId + "-payment", bookingId);
        long before = events.count();

        webhook(payload, null).expectProblem(400, "INVALID_SIGNATURE");
        webhook(payload, StripeStandIn.signatureOf(payload, "whsec_someone_else"))
                .expectProblem(400, "INVALID_SIGNATURE");
        webhook(
                        payload.replace("evt_forged", "evt_tampered"),
                        StripeStandIn.signatureOf(payload, StripeStandIn.WEBHOOK_SECRET))
                .expectProblem(400, "INVALID_SIGNATURE");
        webhook(payload, "t=1,v1=00").expectProblem(400, "INVALID_SIGNATURE");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aWebhookAboutABookingThisSystemDoesNotKnowIsAcknowledged() {
        long before = events.count();

        api.stripeSays("payment_intent.succeeded", UUID.randomUUID().toString()).expectStatus(200);

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void whenStripeAnswers500TheCallIsRetriedAndTheBookingKept() {
        stripe.failsOnceWith500For(member.memberId());

        Reply placed = book();

        String bookingId = placed.body().get("bookingId").asText();
        assertThat(placed.body().get("payment").get("paymentId").asText())
                .isEqualTo("pi_booking-" + bookingId + "-payment");
        assertThat(stripe.paymentIntentRequestsFor(member.memberId()))
                .hasSize(2)
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsOnly("booking-" + bookingId + "-payment");
        assertThat(events.typesOf(bookingId)).containsExactly("BookingPlaced", "PaymentRequested");
    }

    @Test
    void whenStripeTimesOutTheCallIsRetriedAndTheBookingKept() {
        stripe.timesOutOnceFor(member.memberId());

        Reply placed = book();

        String bookingId = placed.body().get("bookingId").asText();
        assertThat(placed.body().get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.body().get("payment").get("paymentId").asText())
                .isEqualTo("pi_booking-" + bookingId + "-payment");
        assertThat(stripe.paymentIntentRequestsFor(member.memberId())).hasSize(2);
    }

    @Test
    void whenStripeStaysDownTheBookingWaitsAndItsMemberAsksAgainLater() {
        stripe.paymentsFailFor(member.memberId(), 3);

        Reply placed = book();

        String bookingId = placed.body().get("bookingId").asText();
        assertThat(placed.body().get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.body().get("payment").isNull()).isTrue();
        api.commandSide()
                .as(api.newMember())
                .post("/api/bookings/" + bookingId + "/payment", Map.of())
                .expectProblem(403, "NOT_YOUR_BOOKING");

        Reply again = api.commandSide()
                .as(member)
                .post("/api/bookings/" + bookingId + "/payment", Map.of())
                .expectStatus(200);

        assertThat(again.body().get("payment").get("paymentId").asText())
                .isEqualTo("pi_booking-" + bookingId + "-payment");
        assertThat(events.typesOf(bookingId)).containsExactly("BookingPlaced", "PaymentRequested");
        api.pay(bookingId);
        api.commandSide()
                .as(member)
                .post("/api/bookings/" + bookingId + "/payment", Map.of())
                .expectProblem(409, "BOOKING_NOT_AWAITING_PAYMENT");
    }

    private Reply book() {
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(4, 10, 0), inDays(4, 12, 0)))
                .expectStatus(201);
    }

    private Reply webhook(String payload, String signature) {
        Api.Request request = api.commandSide();
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return request.postRaw("/api/payments/stripe/webhook", payload, "application/json");
    }
}
