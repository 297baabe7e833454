package com.coworkly.systemtests.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server inside the test JVM (GreenMail) for the query side to send its emails to. It can be taken
 * down and brought back on the same port, as an SMTP outage would.
 */
public final class MailCatcher implements AutoCloseable {

    private final int port = ServiceProcess.freePort();
    private GreenMail server;

    public MailCatcher() {
        start();
    }

    /**
     * The query side's settings for this server, with retries after a failed send within a second or two and
     * a dispatcher that looks for due emails five times a second, so that tests wait briefly.
     */
    public Map<String, String> querySideEnvironment() {
        return Map.of(
                "BOOKING_SMTP_HOST", "127.0.0.1",
                "BOOKING_SMTP_PORT", Integer.toString(port),
                "BOOKING_EMAIL_DISPATCH_INTERVAL", "PT0.2S",
                "BOOKING_EMAIL_FIRST_RETRY_AFTER", "PT0.5S",
                "BOOKING_EMAIL_LONGEST_RETRY_AFTER", "PT2S");
    }

    /** Every email received for {@code address} since the server was last started. */
    public List<Received> emailsTo(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .map(Received::of)
                .toList();
    }

    /** The Message-ID of every email that arrived since the server was last started, a second copy twice. */
    public List<String> messageIds() {
        return Arrays.stream(server.getReceivedMessages())
                .map(message -> Received.of(message).messageId())
                .toList();
    }

    /** How many emails arrived, to anyone, since the server was last started. */
    public int receivedCount() {
        return server.getReceivedMessages().length;
    }

    /** Refuses connections from now on, as a server that is down. */
    public void stop() {
        server.stop();
    }

    /** Up again on the same port (with an empty mailbox). */
    public void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(Address::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An email as it arrived. */
    public record Received(String from, String subject, String body, String messageId) {

        static Received of(MimeMessage message) {
            try {
                return new Received(
                        message.getFrom()[0].toString(),
                        message.getSubject(),
                        message.getContent().toString(),
                        message.getMessageID());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
