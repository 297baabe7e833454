package com.coworkly.queryside.notifications;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MembershipId;
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

    /**
     * A membership's email, with the invoice it is about when it is sent once per invoice. The invoice id is the
     * billing provider's, so anything but letters, digits, '_' and '-' is replaced to keep the header well formed.
     */
    String of(MembershipId membershipId, String invoiceId, EmailKind kind) {
        String invoice = invoiceId == null ? "" : "." + invoiceId.replaceAll("[^A-Za-z0-9_-]", "-");
        return "<" + kind.name().toLowerCase(Locale.ROOT) + "." + membershipId.value() + invoice + "@" + domain + ">";
    }

    /** A company's invoice email, the same message for each of its administrators. */
    String of(CompanyId companyId, String invoiceId, EmailKind kind) {
        return "<" + kind.name().toLowerCase(Locale.ROOT) + "." + companyId.value() + "." + invoiceId + "@" + domain
                + ">";
    }
}
