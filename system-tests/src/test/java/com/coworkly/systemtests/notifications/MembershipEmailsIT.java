package com.coworkly.systemtests.notifications;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Inbox;
import com.coworkly.systemtests.support.MailCatcher;
import com.coworkly.systemtests.support.MailCatcher.Received;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members hear of their membership by email (docs/notifications.md): started when its first invoice is paid,
 * renewed, a failed renewal with its grace deadline, and its end; each once, whatever Stripe's webhooks repeat. The
 * query side sends to a real SMTP server in this JVM (GreenMail), and "once" is asserted once the notifications
 * processor has passed every stored event and the outbox has nothing unsent.
 */
class MembershipEmailsIT {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH);

    private static MailCatcher mail;
    private static RunningSystem system;
    private static Api api;
    private static EventStore database;

    private String planName;
    private Api.Session member;
    private Inbox inbox;
    private String membership;

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
    void aMemberSubscribedToAPlan() {
        planName = "Flex " + UUID.randomUUID().toString().substring(0, 8);
        String plan = Memberships.define(api, Memberships.aPlan(planName, 600, "MEETING_ROOM"));
        member = api.newMember();
        inbox = new Inbox(mail, database, api.emailOf(member));
        membership = Memberships.subscribe(api, member, plan);
    }

    @Test
    void aFirstPaidInvoiceStartsTheMembershipByOneEmailThoughStripeSaysItTwice() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(30, ChronoUnit.DAYS);
        api.stripeSaysOfInvoice("invoice.paid", "in_first", membership, start, end)
                .expectStatus(200);
        api.stripeSaysOfInvoice("invoice.paid", "in_first", membership, start, end)
                .expectStatus(200);

        Received email = inbox.theOnly("Membership started");

        assertThat(email.subject()).isEqualTo("Membership started: " + planName);
        assertThat(email.body())
                .contains(
                        "Hello Test Member,",
                        "your " + planName + " membership has started, and its first period is paid.",
                        "You paid 99.00 EUR for " + MOMENT.format(start.atOffset(ZoneOffset.UTC)) + " to "
                                + MOMENT.format(end.atOffset(ZoneOffset.UTC)) + ".",
                        "600 minutes (10 hours) of booking time",
                        "Reference: " + membership);
        assertThat(email.messageId()).isEqualTo("<membership_started." + membership + "@coworkly.example>");
        assertThat(inbox.subjects()).containsExactly("Membership started");
    }

    @Test
    void aFailedRenewalTellsTheMemberTheGraceDeadlineAndAnEndIsTold() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant renewal = start.plus(30, ChronoUnit.DAYS);
        Memberships.firstPeriodPaid(api, membership);
        api.stripeSaysOfInvoice("invoice.paid", "in_second", membership, renewal, renewal.plus(30, ChronoUnit.DAYS))
                .expectStatus(200);
        api.stripeSaysOfInvoice(
                        "invoice.payment_failed", "in_third", membership, renewal, renewal.plus(30, ChronoUnit.DAYS))
                .expectStatus(200);
        api.stripeSaysOfInvoice(
                        "invoice.payment_failed", "in_third", membership, renewal, renewal.plus(30, ChronoUnit.DAYS))
                .expectStatus(200);

        Received failed = inbox.theOnly("Membership payment failed");
        assertThat(failed.body())
                .contains(
                        "we could not collect the renewal of your " + planName + " membership.",
                        "Unless it is paid by " + MOMENT.format(graceEnd().atOffset(ZoneOffset.UTC))
                                + ", your membership will be suspended.");
        assertThat(inbox.theOnly("Membership renewed").body())
                .contains("your " + planName + " membership has been renewed", "600 minutes (10 hours)");

        api.stripeSaysOfCancelledSubscription(membership).expectStatus(200);

        assertThat(inbox.theOnly("Membership ended").body()).contains("your " + planName + " membership has ended.");
        assertThat(inbox.subjects())
                .containsExactlyInAnyOrder(
                        "Membership started", "Membership renewed", "Membership payment failed", "Membership ended");
    }

    /** The grace deadline the command side recorded with the failed renewal. */
    private Instant graceEnd() {
        String recorded = database.strings(
                        "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'graceEndsAt' FROM event_store.domain_event_entry "
                                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%MembershipPaymentFailed'",
                        membership)
                .get(0);
        return recorded.matches("[0-9.]+")
                ? Instant.ofEpochSecond(0)
                        .plusNanos(new BigDecimal(recorded).movePointRight(9).longValueExact())
                : Instant.parse(recorded);
    }
}
