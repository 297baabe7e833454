package com.coworkly.systemtests.notifications;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Inbox;
import com.coworkly.systemtests.support.MailCatcher;
import com.coworkly.systemtests.support.MailCatcher.Received;
import com.coworkly.systemtests.support.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rule 9: members get an email when their booking is confirmed, before it starts, and when it is cancelled,
 * displaced or expires, each exactly once — also after restarts, a lost token, a replay and an SMTP outage. The
 * query side sends to a real SMTP server in this JVM (GreenMail). "Exactly once" is asserted only once the
 * system is idle: the notifications processor has passed every stored event and the outbox has nothing unsent.
 */
class EmailsIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private static MailCatcher mail;
    private static RunningSystem system;
    private static Api api;
    private static EventStore database;

    private final ZonedDateTime start = inDays(4, 10, 0);
    private String spaceName;
    private Catalogue.ManagedSpace space;
    private String desk;
    private Api.Session member;
    private Inbox inbox;

    @BeforeAll
    static void startWithAnSmtpServer() {
        mail = new MailCatcher();
        system = RunningSystem.start(Map.of(), mail.querySideEnvironment());
        api = system.api();
        database = system.eventStore();
    }

    @AfterAll
    static void stop() {
        system.close();
        mail.close();
    }

    @BeforeEach
    void aSpaceWithADeskAndAMember() {
        spaceName = "Emails " + UUID.randomUUID().toString().substring(0, 8);
        space = Catalogue.aManagedSpace(api, spaceName);
        desk = addResource(api, space, anAlwaysOpenDesk("Window desk"));
        member = api.newMember();
        inbox = new Inbox(mail, database, api.emailOf(member));
    }

    @Test
    void aPaidBookingIsConfirmedByEmailOnce() {
        String booking = book();
        api.pay(booking);

        Received email = inbox.theOnly("Booking confirmed");

        assertThat(email.from()).isEqualTo("bookings@coworkly.example");
        assertThat(email.subject())
                .isEqualTo("Booking confirmed: Window desk at " + spaceName + ", " + DAY.format(start) + " at 10:00");
        assertThat(email.body())
                .contains(
                        "Hello Test Member,",
                        "your booking is confirmed.",
                        "Space:     " + spaceName,
                        "Resource:  Window desk",
                        "When:      " + DAY.format(start) + ", 10:00–12:00 (Europe/Amsterdam)",
                        "Price:     12.00 EUR",
                        "Reference: " + booking);
        assertThat(email.messageId()).isEqualTo("<confirmation." + booking + "@coworkly.example>");
    }

    /** The cancellation also removes the reminder's deadline, in the same transaction (decision 24). */
    @Test
    void aCancelledBookingIsConfirmedThenCancelledByEmail() {
        String booking = book();
        api.pay(booking);
        inbox.theOnly("Booking confirmed");
        assertThat(database.longValue("SELECT count(*) FROM command_side.scheduled_tasks " + reminderOf(booking)))
                .isEqualTo(1);

        api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of("reason", "Plans changed"))
                .expectStatus(200);
        assertThat(database.longValue("SELECT count(*) FROM command_side.scheduled_tasks " + reminderOf(booking)))
                .isZero();

        Received email = inbox.theOnly("Booking cancelled:");
        assertThat(email.body())
                .contains(
                        "cancelled as you asked.",
                        "The full price of 12.00 EUR is refunded to you.",
                        "When:      " + DAY.format(start) + ", 10:00–12:00 (Europe/Amsterdam)");
        assertThat(inbox.subjects()).containsExactlyInAnyOrder("Booking confirmed", "Booking cancelled");
    }

    @Test
    void aBookingDisplacedByMaintenanceIsFullyRefundedAndItsMemberTold() {
        String booking = book();
        api.pay(booking);

        api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + desk + "/blocks", aBlock(start.minusHours(1), start.plusHours(4), true))
                .expectStatus(201);

        Received email = inbox.theOnly("Booking cancelled for maintenance");
        assertThat(email.subject())
                .isEqualTo("Booking cancelled for maintenance: Window desk at " + spaceName + ", " + DAY.format(start)
                        + " at 10:00");
        assertThat(email.body())
                .contains(
                        "Window desk needs maintenance during your booking",
                        "You get the full price of 12.00 EUR back.",
                        "Reference: " + booking);
        assertThat(inbox.subjects())
                .containsExactlyInAnyOrder("Booking confirmed", "Booking cancelled for maintenance");
    }

    @Test
    void anUnpaidBookingThatExpiresIsReportedOnce() {
        String booking = book();

        api.stripeSays("payment_intent.payment_failed", booking).expectStatus(200);

        Received email = inbox.theOnly("Booking expired");
        assertThat(email.body()).contains("was not paid in time", "Nothing has been charged.", "Reference: " + booking);
        assertThat(inbox.subjects()).containsExactly("Booking expired");
    }

    /**
     * The reminder is a durable deadline on the command side at its space's lead before the start (two hours
     * here). Rather than wait days, the test moves that deadline's due time in PostgreSQL to now, as the
     * passing of time would: what fires then, and what the member gets, is the real path.
     */
    @Test
    void aReminderComesItsSpacesLeadBeforeTheStart() {
        Api.Session admin = api.signIn(Api.ADMIN);
        String remindingSpace = "Reminders " + UUID.randomUUID().toString().substring(0, 8);
        String spaceId = api.commandSide()
                .as(admin)
                .post("/api/spaces", Catalogue.with(Catalogue.aSpace(remindingSpace), "reminderLeadHours", 2))
                .expectStatus(201)
                .body()
                .get("spaceId")
                .asText();
        desk = api.commandSide()
                .as(admin)
                .post("/api/spaces/" + spaceId + "/resources", anAlwaysOpenDesk("Window desk"))
                .expectStatus(201)
                .body()
                .get("resourceId")
                .asText();
        String booking = book();
        api.pay(booking);
        inbox.theOnly("Booking confirmed");

        await("the reminder deadline, two hours before the start")
                .atMost(Duration.ofSeconds(30))
                .until(() -> database.longValue(
                                "SELECT count(*) FROM command_side.scheduled_tasks " + reminderOf(booking)
                                        + " AND execution_time = ?",
                                start.minusHours(2).toOffsetDateTime())
                        == 1);
        database.strings("UPDATE command_side.scheduled_tasks SET execution_time = now() " + reminderOf(booking));

        Received email = inbox.theOnly("Reminder");
        assertThat(email.subject())
                .isEqualTo("Reminder: Window desk at " + remindingSpace + ", " + DAY.format(start) + " at 10:00");
        assertThat(email.body())
                .contains(
                        "which starts on " + DAY.format(start) + " at 10:00.",
                        "Price:     12.00 EUR",
                        "Reference: " + booking);
        assertThat(inbox.subjects()).containsExactlyInAnyOrder("Booking confirmed", "Reminder");
    }

    @Test
    void restartingTheQuerySideSendsNothingTwiceAndCatchesUpOnWhatHappenedMeanwhile() {
        String first = book();
        api.pay(first);
        inbox.theOnly("Booking confirmed");

        system.stopQuerySide();
        api.commandSide()
                .as(member)
                .post("/api/bookings/" + first + "/cancel", Map.of())
                .expectStatus(200);
        system.startQuerySide();

        inbox.theOnly("Booking cancelled");
        assertThat(inbox.subjects()).containsExactlyInAnyOrder("Booking confirmed", "Booking cancelled");
    }

    @Test
    void restartingTheWholeSystemSendsNothingTwice() {
        String booking = book();
        api.pay(booking);
        inbox.theOnly("Booking confirmed");

        system.restart();

        inbox.awaitIdle();
        assertThat(inbox.subjects()).containsExactly("Booking confirmed");
    }

    /**
     * The processor's token is deleted, so it starts again from the first event, as a new processor would (Axon 4
     * runs that catch-up as a replay; the outbox's unique key would refuse a second email anyway).
     */
    @Test
    void aLostTokenSendsNothingTwice() {
        String booking = book();
        api.pay(booking);
        inbox.theOnly("Booking confirmed");
        long outbox = database.longValue("SELECT count(*) FROM query_side.outbound_email");

        system.stopQuerySide();
        database.strings("DELETE FROM query_side.token_entry WHERE processor_name = 'notifications'");
        system.startQuerySide();

        inbox.awaitIdle();
        assertThat(inbox.subjects()).containsExactly("Booking confirmed");
        assertThat(database.longValue("SELECT count(*) FROM query_side.outbound_email"))
                .isEqualTo(outbox);
    }

    /**
     * An Axon replay from the first event, set up in the token store as Axon's {@code resetTokens()} writes it
     * (a replay token holding the position at the reset) with the read model's facts emptied as its reset
     * handler does. The replayed history writes no email; the processor goes on with new events after it.
     */
    @Test
    void aReplaySendsNothingTwiceAndEmailsContinueAfterIt() {
        String booking = book();
        api.pay(booking);
        inbox.theOnly("Booking confirmed");
        long outbox = database.longValue("SELECT count(*) FROM query_side.outbound_email");

        system.stopQuerySide();
        database.strings("""
                UPDATE query_side.token_entry
                SET token = convert_to(json_build_object(
                        'tokenAtReset', convert_from(token, 'UTF8')::jsonb
                                        || '{"@class": "org.axonframework.eventhandling.GapAwareTrackingToken"}',
                        'currentToken', NULL, 'context', NULL)::text, 'UTF8'),
                    token_type = 'org.axonframework.eventhandling.ReplayToken'
                WHERE processor_name = 'notifications'""");
        database.strings("TRUNCATE query_side.notification_member, query_side.notification_space, "
                + "query_side.notification_resource, query_side.notification_booking");
        system.startQuerySide();

        inbox.awaitIdle();
        assertThat(inbox.subjects()).containsExactly("Booking confirmed");
        assertThat(database.longValue("SELECT count(*) FROM query_side.outbound_email"))
                .isEqualTo(outbox);
        api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of())
                .expectStatus(200);
        assertThat(inbox.theOnly("Booking cancelled").body())
                .contains("Space:     " + spaceName, "Resource:  Window desk");
    }

    @Test
    void anSmtpOutageDelaysTheEmailAndLosesNothing() {
        mail.stop();
        try {
            String booking = book();
            api.pay(booking);

            await("the confirmation to have failed to send at least once")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> database.longValue(
                                    "SELECT count(*) FROM query_side.outbound_email WHERE booking_id = ? "
                                            + "AND kind = 'CONFIRMATION' AND sent_at IS NULL AND failures > 0",
                                    booking)
                            == 1);
            assertThat(system.querySideLog()).contains("Could not send the CONFIRMATION email of booking " + booking);
        } finally {
            mail.start();
        }

        Received email = inbox.theOnly("Booking confirmed");
        assertThat(email.body()).contains("Hello Test Member,", "Price:     12.00 EUR");
    }

    private String book() {
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, start.plusHours(2)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
    }

    private static String reminderOf(String booking) {
        return "WHERE task_name = 'AxonDeadline' AND position(convert_to('" + booking + "', 'UTF8') in task_data) > 0 "
                + "AND position(convert_to('reminder', 'UTF8') in task_data) > 0";
    }
}
