package com.coworkly.queryside.notifications;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPaymentFailed;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSuspended;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static com.coworkly.queryside.notifications.NotificationEvents.MIA;
import static com.coworkly.queryside.notifications.NotificationEvents.miaRegistered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership emails through Axon's handler adapter (so that {@code @DisallowReplay} and the replay status work
 * as in the service), against the outbox in PostgreSQL: once each, none in a replay, "started" only for the first
 * period.
 */
class MembershipEmailsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final MembershipId FLEX = new MembershipId("m-flex");
    private static final Instant FIRST_START = Instant.parse("2026-11-20T09:00:00Z");

    private static ReadModelDatabase database;
    private NotificationHandlers handlers;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void miaSubscribed() {
        database.jdbc().update("TRUNCATE outbound_email");
        NotificationFacts notificationFacts = new NotificationFacts(database.jdbc());
        notificationFacts.reset();
        handlers = new NotificationHandlers(notificationFacts, emailsAt(NOW), NOW.minusSeconds(1));
        new KnownMemberships(database.jdbc()).forgetAll();
        handlers.deliver(miaRegistered(), requested());
    }

    @Test
    void theFirstPaidPeriodStartsTheMembershipOnceAndLaterOnesRenewIt() {
        handlers.deliver(
                paid("in_1", FIRST_START),
                paid("in_1", FIRST_START),
                paid("in_2", FIRST_START.plus(Duration.ofDays(31))));

        assertThat(outbox())
                .containsExactly(
                        "MEMBERSHIP_STARTED m-flex - mia@example.test Membership started: Flex "
                                + "<membership_started.m-flex@coworkly.example>",
                        "MEMBERSHIP_RENEWED m-flex in_2 mia@example.test Membership renewed: Flex "
                                + "<membership_renewed.m-flex.in_2@coworkly.example>");
    }

    @Test
    void aRenewalSaysTheFeeAndTheCreditsAndUntilWhen() {
        handlers.deliver(paid("in_1", FIRST_START), paid("in_2", Instant.parse("2026-12-01T09:00:00Z")));

        assertThat(body("MEMBERSHIP_RENEWED"))
                .contains("Hello Mia,")
                .contains("your Flex membership has been renewed")
                .contains(
                        "You paid 99.00 EUR for Tuesday 1 December 2026 at 09:00 UTC to Friday 1 January 2027 at 09:00 UTC.")
                .contains("Your credits for it: 600 minutes (10 hours) of booking time, to spend until "
                        + "Friday 1 January 2027 at 09:00 UTC.")
                .contains("Reference: m-flex");
    }

    @Test
    void aFailedRenewalSaysTheGraceDeadlineOncePerInvoice() {
        handlers.deliver(paid("in_1", FIRST_START), failed("in_2"), failed("in_2"), failed("in_3"));

        assertThat(kinds())
                .containsExactly(
                        "MEMBERSHIP_STARTED -", "MEMBERSHIP_PAYMENT_FAILED in_2", "MEMBERSHIP_PAYMENT_FAILED in_3");
        assertThat(body("MEMBERSHIP_PAYMENT_FAILED"))
                .contains("we could not collect the renewal of your Flex membership")
                .contains(
                        "Unless it is paid by Friday 4 December 2026 at 10:00 UTC, your membership will be suspended.");
    }

    @Test
    void aSuspensionAndTheEndAreToldOnce() {
        handlers.deliver(
                paid("in_1", FIRST_START),
                new MembershipSuspended(FLEX, MIA, "in_2"),
                new MembershipSuspended(FLEX, MIA, "in_2"),
                new MembershipEnded(FLEX, MIA, "CANCELLED"),
                new MembershipEnded(FLEX, MIA, "CANCELLED"));

        assertThat(kinds()).containsExactly("MEMBERSHIP_STARTED -", "MEMBERSHIP_SUSPENDED in_2", "MEMBERSHIP_ENDED -");
        assertThat(body("MEMBERSHIP_SUSPENDED"))
                .contains("is suspended: it grants no credits until the renewal is paid");
        assertThat(body("MEMBERSHIP_ENDED")).contains("your Flex membership has ended.");
    }

    @Test
    void aMembershipThatNeverStartedEndsWithoutAnEmail() {
        handlers.deliver(new MembershipEnded(FLEX, MIA, "CANCELLED"));

        assertThat(outbox()).isEmpty();
    }

    @Test
    void aReplayWritesNoEmailButRemembersWhichPeriodWasFirst() {
        handlers.deliver(paid("in_1", FIRST_START));
        database.jdbc().update("TRUNCATE outbound_email");
        new NotificationFacts(database.jdbc()).reset();
        new KnownMemberships(database.jdbc()).forgetAll();

        handlers.replay(
                miaRegistered(),
                requested(),
                paid("in_1", FIRST_START),
                failed("in_2"),
                new MembershipEnded(FLEX, MIA, "x"));

        assertThat(outbox()).isEmpty();
        handlers.deliver(paid("in_3", FIRST_START.plus(Duration.ofDays(31))));
        assertThat(kinds()).containsExactly("MEMBERSHIP_RENEWED in_3");
    }

    @Test
    void newsThatCameTooLateIsNotSent() {
        handlers.replaceEmails(emailsAt(Instant.parse("2027-03-01T00:00:00Z")));

        handlers.deliver(paid("in_1", FIRST_START), failed("in_2"));

        assertThat(outbox()).isEmpty();
    }

    @Test
    void membershipsRequestedBeforeTheEmailsExistedAreToldOfAfterTheUpgrade() {
        try (ReadModelDatabase before = ReadModelDatabase.upTo("14")) {
            before.jdbc().update("INSERT INTO notification_member VALUES ('mia', 'mia@example.test', 'Mia')");
            before.jdbc().update("""
                    INSERT INTO membership_view (membership_id, member_id, plan_id, plan_name, plan_revision,
                                                 monthly_price, currency, status, requested_at, periods_paid)
                    VALUES ('m-paid', 'mia', 'flex', 'Flex', 1, 9900, 'EUR', 'ACTIVE', now(), 1),
                           ('m-new', 'mia', 'flex', 'Flex', 1, 9900, 'EUR', 'PENDING_PAYMENT', now(), 0)""");
            before.migrateToLatest();
            MembershipEmails upgraded = new MembershipEmails(
                    new KnownMemberships(before.jdbc()),
                    new Outbox(before.jdbc()),
                    new MessageIds(NotificationHandlers.SETTINGS),
                    Clock.fixed(NOW, ZoneOffset.UTC));

            handlers.deliverTo(upgraded, NOW.minusSeconds(1), paidOf("m-paid", "in_2"));
            handlers.deliverTo(upgraded, NOW.minusSeconds(1), paidOf("m-new", "in_1"));

            assertThat(before.jdbc()
                            .queryForList(
                                    "SELECT membership_id || ' ' || kind FROM outbound_email ORDER BY id",
                                    String.class))
                    .containsExactly("m-paid MEMBERSHIP_RENEWED", "m-new MEMBERSHIP_STARTED");
        }
    }

    private static MembershipPeriodPaid paidOf(String membership, String invoiceId) {
        return new MembershipPeriodPaid(
                new MembershipId(membership),
                MIA,
                "stripe",
                invoiceId,
                new Period(FIRST_START, FIRST_START.plus(Duration.ofDays(31))),
                Money.of(9900, "EUR"),
                1,
                600);
    }

    private static MembershipRequested requested() {
        PlanTerms terms = new PlanTerms(
                "Flex",
                Money.of(9900, "EUR"),
                CreditAllowance.of(Duration.ofHours(10), Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.NONE,
                PlanCoverage.network(),
                false);
        return new MembershipRequested(FLEX, MIA, new PlanId("flex"), 1, terms);
    }

    private static MembershipPeriodPaid paid(String invoiceId, Instant start) {
        return new MembershipPeriodPaid(
                FLEX,
                MIA,
                "stripe",
                invoiceId,
                new Period(start, start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant()),
                Money.of(9900, "EUR"),
                1,
                600);
    }

    private static MembershipPaymentFailed failed(String invoiceId) {
        return new MembershipPaymentFailed(FLEX, MIA, invoiceId, NOW.plus(Duration.ofDays(3)));
    }

    private static MembershipEmails emailsAt(Instant now) {
        return new MembershipEmails(
                new KnownMemberships(database.jdbc()),
                new Outbox(database.jdbc()),
                new MessageIds(NotificationHandlers.SETTINGS),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<String> outbox() {
        return database.jdbc().queryForList("""
                SELECT kind || ' ' || membership_id || ' ' || coalesce(invoice_id, '-') || ' ' || recipient || ' '
                       || subject || ' ' || message_id
                FROM outbound_email ORDER BY id""", String.class);
    }

    private List<String> kinds() {
        return database.jdbc()
                .queryForList(
                        "SELECT kind || ' ' || coalesce(invoice_id, '-') FROM outbound_email ORDER BY id",
                        String.class);
    }

    private String body(String kind) {
        return database.jdbc()
                .queryForObject(
                        "SELECT body FROM outbound_email WHERE kind = ? ORDER BY id LIMIT 1", String.class, kind);
    }
}
