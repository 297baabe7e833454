package com.coworkly.systemtests.limits;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SilentServer;
import com.coworkly.systemtests.support.StripeStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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

/**
 * Outgoing calls to a party that takes the connection and then keeps silent: Stripe answering later than the
 * command side waits (WireMock's fixed delay, 3 s against a 1 s read timeout), and an SMTP server that never says
 * a word (a plain server socket, 1 s timeouts). The member is answered, the email waits in the outbox, and the
 * dispatcher keeps trying instead of hanging.
 */
class OutgoingCallTimeoutsIT {

    private static SilentServer smtp;
    private static RunningSystem system;
    private static Api api;
    private static EventStore database;

    private Api.Session member;
    private String desk;
    private int day = 3;

    @BeforeAll
    static void aSystemWhoseSmtpServerNeverAnswers() throws IOException {
        smtp = new SilentServer();
        system = RunningSystem.start(
                Map.of(),
                Map.of(
                        "BOOKING_SMTP_HOST", "127.0.0.1",
                        "BOOKING_SMTP_PORT", Integer.toString(smtp.port()),
                        "BOOKING_SMTP_TIMEOUT_MS", "1000",
                        "BOOKING_EMAIL_DISPATCH_INTERVAL", "PT0.2S",
                        "BOOKING_EMAIL_FIRST_RETRY_AFTER", "PT0.5S",
                        "BOOKING_EMAIL_LONGEST_RETRY_AFTER", "PT1S"));
        api = system.api();
        database = system.eventStore();
    }

    @AfterAll
    static void stop() throws IOException {
        system.close();
        smtp.close();
    }

    @BeforeEach
    void aMemberAndADesk() {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Timeouts " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        member = api.newMember();
    }

    @Test
    void whenStripeAnswersLaterThanTheReadTimeoutTheMemberGetsTheBookingAndPaysLater() {
        StripeStandIn stripe = system.stripe();
        stripe.answersTooLateFor(member.memberId());
        Reply placed;
        try {
            placed = book();
        } finally {
            stripe.answersInTimeFor(member.memberId());
        }

        String bookingId = placed.body().get("bookingId").asText();
        assertThat(placed.body().get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.body().get("payment").isNull())
                .as("no payment yet: Stripe did not answer in time")
                .isTrue();
        assertThat(stripe.paymentIntentRequestsFor(member.memberId()))
                .as("one attempt and the client's two retries")
                .hasSize(3);
        assertThat(database.typesOf(bookingId)).containsExactly("BookingPlaced");

        Reply again = api.commandSide()
                .as(member)
                .post("/api/bookings/" + bookingId + "/payment", Map.of())
                .expectStatus(200);
        assertThat(again.body().get("payment").get("paymentId").asText())
                .isEqualTo("pi_booking-" + bookingId + "-payment");
    }

    @Test
    void anSmtpServerThatNeverAnswersDelaysTheEmailButLosesNothingAndHoldsNothingUp() {
        String first = book().body().get("bookingId").asText();
        api.pay(first);

        await("the confirmation to have timed out twice: the first attempt came back")
                .atMost(Duration.ofSeconds(60))
                .until(() -> failuresOf(first) >= 2);
        assertThat(smtp.connections()).as("connections the silent server took").isGreaterThanOrEqualTo(2);
        assertThat(database.strings("SELECT last_error FROM query_side.outbound_email WHERE booking_id = ?", first)
                        .get(0))
                .as("the failure, for an operator")
                .isNotBlank();

        String second = book().body().get("bookingId").asText();
        long paid = api.pay(second).eventPosition();
        api.querySide()
                .as(member)
                .get("/api/bookings/" + second + "?after=" + paid)
                .expectStatus(200);
        assertThat(api.querySide()
                        .as(member)
                        .get("/api/bookings/" + second + "?after=" + paid)
                        .body()
                        .get("status")
                        .asText())
                .as("the read models keep up")
                .isEqualTo("CONFIRMED");
        await("the second booking's confirmation to be tried too")
                .atMost(Duration.ofSeconds(60))
                .until(() -> failuresOf(second) >= 1);
        assertThat(database.longValue(
                        "SELECT count(*) FROM query_side.outbound_email WHERE booking_id IN (?, ?) "
                                + "AND kind = 'CONFIRMATION' AND sent_at IS NULL",
                        first,
                        second))
                .as("both confirmations kept, unsent, to be tried again")
                .isEqualTo(2);
    }

    private long failuresOf(String booking) {
        List<String> failures = database.strings(
                "SELECT failures::text FROM query_side.outbound_email "
                        + "WHERE booking_id = ? AND kind = 'CONFIRMATION'",
                booking);
        return failures.isEmpty() ? 0 : Long.parseLong(failures.get(0));
    }

    private Reply book() {
        int on = day++;
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(on, 10, 0), inDays(on, 12, 0)))
                .expectStatus(201);
    }
}
