package com.coworkly.systemtests.notifications;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without an SMTP server, as in the demo run, the query side writes each email to its log, and says why. */
@ExtendWith(SharedSystem.class)
class EmailsInTheLogIT {

    @Test
    void withoutAnSmtpServerEmailsAreWrittenToTheLog(RunningSystem system) {
        Api api = system.api();
        String spaceName = "Logged " + UUID.randomUUID().toString().substring(0, 8);
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, spaceName);
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        Api.Session member = api.newMember();
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(5, 9, 0), inDays(5, 10, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();

        api.pay(booking);

        await("the confirmation in the query side's log")
                .atMost(Duration.ofSeconds(30))
                .until(() -> system.querySideLog()
                        .contains("Email <confirmation." + booking + "@coworkly.example> to " + api.emailOf(member)));
        assertThat(system.querySideLog())
                .contains("No SMTP server is configured (BOOKING_SMTP_HOST): booking emails are written to this log")
                .contains("Subject: Booking confirmed: Desk at " + spaceName)
                .contains("Reference: " + booking);
    }
}
