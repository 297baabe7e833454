package com.coworkly.systemtests.payment;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.coworkly.systemtests.support.StripeStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A cancellation pays back what it refunds through a Stripe refund, retried until Stripe takes it. */
@ExtendWith(SharedSystem.class)
class RefundsIT {

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
        desk = addResource(api, Catalogue.aManagedSpace(api, "Refunds " + UUID.randomUUID()), anAlwaysOpenDesk("Desk"));
        member = api.newMember();
    }

    @Test
    void aLateCancellationKeepsTheFeeAndRefundsTheRest() {
        String booking = aPaidBookingSoon();

        api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of())
                .expectStatus(200);

        await("the refund")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.typesOf(booking).contains("RefundIssued"));
        assertThat(stripe.refundRequestsFor(member.memberId())).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo("booking-" + booking + "-refund");
            assertThat(StripeStandIn.form(request))
                    .contains(
                            "amount=600",
                            "payment_intent=pi_booking-" + booking + "-payment",
                            "metadata[booking_id]=" + booking);
        });
        assertThat(events.countOf("RefundIssued", booking)).isEqualTo(1);
    }

    @Test
    void aRefundThatStripeRefusesIsRetriedUntilItGoesThrough() {
        String booking = aPaidBookingSoon();
        stripe.refundsFailFor(member.memberId(), 4);

        api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of())
                .expectStatus(200);

        await("the failed refund parked where operators see it")
                .atMost(Duration.ofSeconds(30))
                .until(() -> parkedRefundsOf(booking) == 1);
        await("the refund, after the failures")
                .atMost(Duration.ofSeconds(60))
                .until(() -> events.typesOf(booking).contains("RefundIssued"));
        assertThat(parkedRefundsOf(booking)).isZero();
        assertThat(stripe.refundRequestsFor(member.memberId()))
                .hasSizeGreaterThanOrEqualTo(5)
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsOnly("booking-" + booking + "-refund");
        assertThat(events.countOf("RefundIssued", booking)).isEqualTo(1);
    }

    @Test
    void anUnpaidBookingRefundsNothing() {
        ZonedDateTime soon = soon();
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, soon, soon.plusHours(2)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        String paid = aPaidBookingSoon(soon.plusHours(3));

        api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of())
                .expectStatus(200);
        api.commandSide()
                .as(member)
                .post("/api/bookings/" + paid + "/cancel", Map.of())
                .expectStatus(200);

        // The refunds process takes events in order: once the later refund is through, the earlier one had its turn.
        await("the paid booking's refund")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.typesOf(paid).contains("RefundIssued"));
        assertThat(events.typesOf(booking)).doesNotContain("RefundIssued");
        assertThat(stripe.refundRequestsFor(member.memberId())).hasSize(1);
    }

    private long parkedRefundsOf(String booking) {
        return events.longValue(
                "SELECT count(*) FROM command_side.dead_letter_entry WHERE processing_group = 'refunds' "
                        + "AND sequence_identifier = ?",
                booking);
    }

    private String aPaidBookingSoon() {
        return aPaidBookingSoon(soon());
    }

    private String aPaidBookingSoon(ZonedDateTime start) {
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, start.plusHours(2)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.pay(booking);
        return booking;
    }

    private static ZonedDateTime soon() {
        return ZonedDateTime.now(AMSTERDAM)
                .plusHours(2)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
    }
}
