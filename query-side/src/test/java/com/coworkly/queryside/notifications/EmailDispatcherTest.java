package com.coworkly.queryside.notifications;

import com.coworkly.events.common.BookingId;
import com.coworkly.queryside.support.ReadModelDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dispatcher against a real SMTP server (GreenMail) and the outbox in PostgreSQL. */
class EmailDispatcherTest {

    private static ReadModelDatabase database;
    private final int port = freePort();
    private GreenMail smtp;
    private Outbox outbox;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void startSmtpServer() {
        database.jdbc().update("TRUNCATE outbound_email");
        outbox = new Outbox(database.jdbc());
        smtp = startedSmtpServer();
    }

    @AfterEach
    void stopSmtpServer() {
        smtp.stop();
    }

    @Test
    void anEmailIsSentOnceWithItsStableMessageId() throws Exception {
        add("b1", EmailKind.CONFIRMATION);
        EmailDispatcher dispatcher = dispatcher();

        dispatcher.sendDue();
        dispatcher.sendDue();

        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("Booking confirmed: Desk 7");
            assertThat(message.getFrom()[0].toString()).isEqualTo("bookings@coworkly.example");
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("mia@example.test");
            assertThat(message.getMessageID()).isEqualTo("<confirmation.b1@coworkly.example>");
            assertThat(((String) message.getContent()).strip()).isEqualTo("Hello Mia, 09:00–11:00 in Amsterdam");
        });
        assertThat(outbox.unsent()).isZero();
    }

    @Test
    void whileTheServerIsDownEmailsWaitAndAreDeliveredOnceItIsBack() throws Exception {
        add("b1", EmailKind.CONFIRMATION);
        add("b2", EmailKind.CONFIRMATION);
        smtp.stop();
        EmailDispatcher dispatcher = dispatcher();
        // The first retry is due 200 ms after the failure: compared with the time before the attempt rather than with
        // now(), which a loaded machine can take past the retry's time before the query below runs.
        Timestamp beforeTheAttempt = database.jdbc().queryForObject("SELECT clock_timestamp()", Timestamp.class);

        dispatcher.sendDue();

        assertThat(database.jdbc().queryForList("""
                SELECT booking_id || ' ' || failures || ' ' || (claimed_until IS NULL) || ' ' || (next_attempt_at >= CAST(? AS timestamptz) + interval '200 milliseconds')
                FROM outbound_email ORDER BY id""", String.class, beforeTheAttempt))
                .as("the first waits with one failure; the second was given back untried")
                .containsExactly("b1 1 true true", "b2 0 true false");
        assertThat(outbox.unsentAfterFailures()).isEqualTo(1);

        smtp = startedSmtpServer();
        await("both emails delivered")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    dispatcher.sendDue();
                    return outbox.unsent() == 0;
                });
        assertThat(smtp.getReceivedMessages())
                .extracting(MimeMessage::getMessageID)
                .containsExactlyInAnyOrder("<confirmation.b1@coworkly.example>", "<confirmation.b2@coworkly.example>");
    }

    @Test
    void anEmailSentWhileTheDatabaseIsAwayIsMarkedOnceItIsBackAndNotSentAgain() throws Exception {
        add("b1", EmailKind.CONFIRMATION);
        AtomicBoolean databaseAway = new AtomicBoolean(true);
        // The marking fails as it does when the primary dies between the SMTP server's answer and the update.
        Outbox failingToMark = new Outbox(database.jdbc()) {
            @Override
            void sent(OutboundEmail email) {
                if (databaseAway.get()) {
                    throw new DataAccessResourceFailureException("the primary is gone");
                }
                super.sent(email);
            }
        };
        EmailDispatcher dispatcher = dispatcher(failingToMark);

        dispatcher.sendDue();
        dispatcher.sendDue();
        databaseAway.set(false);
        // Even with its claim run out, as it would be on another instance after the lease.
        database.jdbc().update("UPDATE outbound_email SET claimed_until = now() - interval '1 second'");
        dispatcher.sendDue();

        assertThat(outbox.unsent()).isZero();
        assertThat(smtp.getReceivedMessages())
                .extracting(MimeMessage::getMessageID)
                .containsExactly("<confirmation.b1@coworkly.example>");
    }

    @Test
    void instancesRacingForTheOutboxSendEachEmailOnce() {
        IntStream.range(0, 30).forEach(i -> add("b" + i, EmailKind.REMINDER));
        EmailDispatcher first = dispatcher();
        EmailDispatcher second = dispatcher();

        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> drain(first)), CompletableFuture.runAsync(() -> drain(second)))
                .join();

        assertThat(smtp.getReceivedMessages())
                .hasSize(30)
                .extracting(MimeMessage::getMessageID)
                .doesNotHaveDuplicates();
    }

    @Test
    void aClaimThatRunsOutIsTakenAgain() {
        add("b1", EmailKind.EXPIRY);

        assertThat(outbox.claimDue(10, Duration.ofMinutes(5))).hasSize(1);
        assertThat(outbox.claimDue(10, Duration.ofMinutes(5)))
                .as("claimed by the first")
                .isEmpty();
        database.jdbc().update("UPDATE outbound_email SET claimed_until = now() - interval '1 second'");

        assertThat(outbox.claimDue(10, Duration.ofMinutes(5)))
                .as("its instance died")
                .hasSize(1);
    }

    private void drain(EmailDispatcher dispatcher) {
        for (int run = 0; run < 20 && outbox.unsent() > 0; run++) {
            dispatcher.sendDue();
        }
    }

    private void add(String bookingId, EmailKind kind) {
        outbox.add(
                new BookingId(bookingId),
                kind,
                new Email("mia@example.test", "Booking confirmed: Desk 7", "Hello Mia, 09:00–11:00 in Amsterdam"),
                "<" + kind.name().toLowerCase() + "." + bookingId + "@coworkly.example>");
    }

    private EmailDispatcher dispatcher() {
        return dispatcher(outbox);
    }

    private EmailDispatcher dispatcher(Outbox outbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        EmailSettings settings = new EmailSettings(
                "bookings@coworkly.example", 5, Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofSeconds(1));
        return new EmailDispatcher(
                outbox, new SmtpTransport(sender, settings.from()), settings, new SimpleMeterRegistry());
    }

    private GreenMail startedSmtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
