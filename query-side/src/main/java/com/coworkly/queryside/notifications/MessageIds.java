package com.coworkly.queryside.notifications;

import com.coworkly.events.common.BookingId;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The {@code Message-ID} of a booking's email, the same for every send of it: if an instance dies after the
 * SMTP server took an email but before it was marked sent, the email is sent again, and mail clients show the
 * two as one message. The domain is the sender's.
 */
@Component
class MessageIds {

    private final String domain;

    MessageIds(EmailSettings settings) {
        String from = settings.from();
        this.domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
    }

    String of(BookingId bookingId, EmailKind kind) {
        return "<" + kind.name().toLowerCase(Locale.ROOT) + "." + bookingId.value() + "@" + domain + ">";
    }
}
