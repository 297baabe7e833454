package com.coworkly.queryside.notifications;

import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.coworkly.queryside.notifications.NotificationEvents.DESK;
import static com.coworkly.queryside.notifications.NotificationEvents.SPACE;
import static com.coworkly.queryside.notifications.NotificationEvents.cancelled;
import static com.coworkly.queryside.notifications.NotificationEvents.confirmed;
import static com.coworkly.queryside.notifications.NotificationEvents.deskAdded;
import static com.coworkly.queryside.notifications.NotificationEvents.expired;
import static com.coworkly.queryside.notifications.NotificationEvents.miaRegistered;
import static com.coworkly.queryside.notifications.NotificationEvents.placed;
import static com.coworkly.queryside.notifications.NotificationEvents.reminderFellDue;
import static com.coworkly.queryside.notifications.NotificationEvents.spaceRegistered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications processor's handlers, called through Axon's own handler adapter (so that
 * {@code @DisallowReplay} works as in the service), against the outbox in PostgreSQL.
 */
class BookingEmailsTest {

    /** A week before Mia's booking. */
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static ReadModelDatabase database;
    private NotificationFacts factsProjection;
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
    void knownMemberSpaceAndDesk() {
        database.jdbc().update("TRUNCATE outbound_email");
        factsProjection = new NotificationFacts(database.jdbc());
        factsProjection.reset();
        handlers = new NotificationHandlers(factsProjection, emailsAt(NOW), NOW.minusSeconds(1));
        handlers.deliver(miaRegistered(), spaceRegistered(), deskAdded());
    }

    @Test
    void aConfirmedBookingGetsOneConfirmationThoughTheEventComesTwice() {
        handlers.deliver(placed("b1"), confirmed("b1"), confirmed("b1"));

        assertThat(outbox())
                .containsExactly("b1 CONFIRMATION mia@example.test "
                        + "Booking confirmed: Desk 7 at Amsterdam Central, Monday 7 December 2026 at 09:00 "
                        + "<confirmation.b1@coworkly.example>");
    }

    @Test
    void eachKindIsWrittenOncePerBooking() {
        handlers.deliver(
                placed("b1"),
                confirmed("b1"),
                reminderFellDue("b1"),
                cancelled("b1", CancellationReason.BY_MEMBER, 0, 1200),
                placed("b2"),
                confirmed("b2"),
                cancelled("b2", CancellationReason.MAINTENANCE, 0, 1200),
                placed("b3"),
                expired("b3"),
                expired("b3"));

        assertThat(kinds())
                .containsExactly(
                        "b1 CONFIRMATION",
                        "b1 REMINDER",
                        "b1 CANCELLATION",
                        "b2 CONFIRMATION",
                        "b2 DISPLACEMENT",
                        "b3 EXPIRY");
    }

    @Test
    void aReplayWritesNoEmailButRebuildsWhatEmailsName() {
        handlers.deliver(placed("b1"));
        factsProjection.reset();

        handlers.replay(miaRegistered(), spaceRegistered(), deskAdded(), placed("b1"), confirmed("b1"));

        assertThat(outbox()).isEmpty();
        handlers.deliver(cancelled("b1", CancellationReason.BY_STAFF, 0, 1200));
        assertThat(kinds()).containsExactly("b1 CANCELLATION");
    }

    @Test
    void aRenamedResourceIsNamedInLaterEmails() {
        handlers.deliver(
                placed("b1"),
                new ResourceDescriptionRevised(
                        DESK, SPACE, new ResourceDescription(ResourceKind.DESK, "Window desk", 1)),
                confirmed("b1"));

        assertThat(outbox()).singleElement().asString().contains("Booking confirmed: Window desk at Amsterdam Central");
    }

    @Test
    void nothingIsWrittenAboutABookingThatIsOver() {
        BookingEmails afterItsEnd = emailsAt(Instant.parse("2026-12-07T10:00:00Z"));
        handlers.deliver(placed("b1"));

        handlers.deliverTo(afterItsEnd, Instant.parse("2026-12-07T09:59:00Z"), confirmed("b1"));
        handlers.deliverTo(
                afterItsEnd,
                Instant.parse("2026-12-07T09:59:00Z"),
                cancelled("b1", CancellationReason.BY_STAFF, 0, 1200));

        assertThat(outbox()).isEmpty();
    }

    @Test
    void noReminderIsWrittenOnceTheBookingHasBegun() {
        BookingEmails during = emailsAt(Instant.parse("2026-12-07T08:30:00Z"));
        handlers.deliver(placed("b1"));

        handlers.deliverTo(during, Instant.parse("2026-12-07T08:29:00Z"), reminderFellDue("b1"));
        handlers.deliverTo(
                during, Instant.parse("2026-12-07T08:29:00Z"), cancelled("b1", CancellationReason.BY_STAFF, 0, 1200));

        assertThat(kinds()).containsExactly("b1 CANCELLATION");
    }

    /** The email handlers with "now" at {@code now}. */
    private static BookingEmails emailsAt(Instant now) {
        return new BookingEmails(
                new KnownBookings(database.jdbc()),
                new Outbox(database.jdbc()),
                new MessageIds(NotificationHandlers.SETTINGS),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<String> outbox() {
        return database.jdbc().queryForList("""
                SELECT booking_id || ' ' || kind || ' ' || recipient || ' ' || subject || ' ' || message_id
                FROM outbound_email ORDER BY id""", String.class);
    }

    private List<String> kinds() {
        return database.jdbc()
                .queryForList("SELECT booking_id || ' ' || kind FROM outbound_email ORDER BY id", String.class);
    }
}
