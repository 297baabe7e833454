package com.coworkly.queryside.notifications;

import com.coworkly.events.common.Period;
import com.coworkly.events.membership.MembershipPaymentFailed;
import com.coworkly.events.membership.MembershipPeriodPaid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The membership emails' words, in the booking emails' style ({@link EmailTemplates}): plain text, English, names
 * cut to one line. A membership belongs to no space, so its times are written in UTC and say so.
 */
final class MembershipEmailTemplates {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH);

    private MembershipEmailTemplates() {}

    static Email started(MembershipDetails membership, MembershipPeriodPaid paid) {
        return email(
                membership,
                "Membership started",
                "welcome: your " + plan(membership) + " membership has started, and its first period is paid.\n\n"
                        + period(paid),
                "Enjoy your membership!");
    }

    static Email renewed(MembershipDetails membership, MembershipPeriodPaid paid) {
        return email(
                membership,
                "Membership renewed",
                "your " + plan(membership) + " membership has been renewed for another period.\n\n" + period(paid),
                "Thank you for staying with us.");
    }

    static Email paymentFailed(MembershipDetails membership, MembershipPaymentFailed failed) {
        return email(
                membership,
                "Membership payment failed",
                "we could not collect the renewal of your " + plan(membership) + " membership.\n\n"
                        + "Unless it is paid by " + moment(failed.graceEndsAt()) + ", your membership will be "
                        + "suspended. Please check your payment method.",
                "Invoice:   " + EmailTemplates.oneLine(failed.invoiceId()));
    }

    static Email suspended(MembershipDetails membership) {
        return email(
                membership,
                "Membership suspended",
                "the renewal of your " + plan(membership) + " membership was not paid in time, so your membership "
                        + "is suspended: it grants no credits until the renewal is paid.",
                "Pay the open invoice to make it active again.");
    }

    static Email ended(MembershipDetails membership) {
        return email(
                membership,
                "Membership ended",
                "your " + plan(membership) + " membership has ended.",
                "You are welcome to subscribe again at any time.");
    }

    private static Email email(MembershipDetails membership, String headline, String opening, String closing) {
        String subject = headline + ": " + plan(membership);
        String body = """
                Hello %s,

                %s

                Plan:      %s
                Reference: %s

                %s

                Coworkly
                """.formatted(
                        EmailTemplates.oneLine(membership.memberName()),
                        opening,
                        plan(membership),
                        membership.membershipId().value(),
                        closing);
        return new Email(membership.memberEmail(), subject, body);
    }

    /** What the period cost, how long it runs, and the credits it granted (if its plan grants any). */
    private static String period(MembershipPeriodPaid paid) {
        Period period = paid.period();
        String paidFor = "You paid " + EmailTemplates.money(paid.fee()) + " for " + moment(period.start()) + " to "
                + moment(period.end()) + ".";
        if (paid.creditMinutes() == 0) {
            return paidFor;
        }
        return paidFor + "\nYour credits for it: " + minutes(paid.creditMinutes()) + " of booking time, to spend until "
                + moment(period.end()) + ".";
    }

    /** E.g. "600 minutes (10 hours)", "90 minutes (1.5 hours)". */
    static String minutes(long minutes) {
        String hours = BigDecimal.valueOf(minutes)
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
        return minutes + " minutes (" + hours + (minutes == 60 ? " hour)" : " hours)");
    }

    /** E.g. "Thursday 7 January 2027 at 15:30 UTC". */
    static String moment(Instant instant) {
        return MOMENT.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String plan(MembershipDetails membership) {
        return EmailTemplates.oneLine(membership.planName());
    }
}
