package com.coworkly.systemtests.support;

import com.coworkly.systemtests.support.MailCatcher.Received;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One address's emails at the {@link MailCatcher}, as the email tests read them: "exactly once" is asserted only
 * once the system is idle, that is the notifications processor has passed every stored event and the outbox has
 * nothing unsent.
 */
public final class Inbox {

    private final MailCatcher mail;
    private final EventStore database;
    private final String address;

    public Inbox(MailCatcher mail, EventStore database, String address) {
        this.mail = mail;
        this.database = database;
        this.address = address;
    }

    /** Waits for an email whose subject starts so, then for the system to be idle, and that it is the only one. */
    public Received theOnly(String subject) {
        await("an email '" + subject + "…' to " + address)
                .atMost(Duration.ofSeconds(30))
                .until(() -> mail.emailsTo(address).stream()
                        .anyMatch(email -> email.subject().startsWith(subject)));
        awaitIdle();
        List<Received> matching = mail.emailsTo(address).stream()
                .filter(email -> email.subject().startsWith(subject))
                .toList();
        assertThat(matching).as("emails '" + subject + "…' to " + address).hasSize(1);
        return matching.get(0);
    }

    /** The headlines of every email received, e.g. "Booking confirmed". */
    public List<String> subjects() {
        return mail.emailsTo(address).stream()
                .map(email -> email.subject().split(":")[0])
                .toList();
    }

    /**
     * The notifications processor has passed every stored event, and nothing in the outbox waits to be sent. Its
     * token is a replay token while it catches up on history after a reset or a lost token (Axon 4 starts a new
     * token as a replay too); its current position is then inside.
     */
    public void awaitIdle() {
        await("the notifications processor caught up and the outbox empty")
                .atMost(Duration.ofSeconds(60))
                .until(() -> database.strings("""
                        SELECT CASE WHEN coalesce(t.token -> 'currentToken' ->> 'index', t.token ->> 'index')::bigint
                                             >= (SELECT max(global_index) FROM event_store.domain_event_entry)
                                         AND NOT EXISTS (SELECT 1 FROM query_side.outbound_email WHERE sent_at IS NULL)
                                    THEN 'idle' ELSE 'busy' END
                        FROM (SELECT convert_from(token, 'UTF8')::jsonb AS token FROM query_side.token_entry
                              WHERE processor_name = 'notifications') t""").equals(List.of("idle")));
    }
}
