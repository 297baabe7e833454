package com.coworkly.queryside.notifications;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.membership.MembershipPeriodPaid;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The membership emails' words: credits in minutes and hours, moments in UTC, names that try to add lines. */
class MembershipEmailTemplatesTest {

    private static final MembershipDetails FLEX =
            new MembershipDetails(new MembershipId("m-1"), "mia@example.test", "Mia", "Flex");

    @Test
    void creditsAreMinutesWithTheirHours() {
        assertThat(MembershipEmailTemplates.minutes(600)).isEqualTo("600 minutes (10 hours)");
        assertThat(MembershipEmailTemplates.minutes(90)).isEqualTo("90 minutes (1.5 hours)");
        assertThat(MembershipEmailTemplates.minutes(60)).isEqualTo("60 minutes (1 hour)");
        assertThat(MembershipEmailTemplates.minutes(50)).isEqualTo("50 minutes (0.83 hours)");
    }

    @Test
    void aPlanWithoutCreditsSaysNothingOfCredits() {
        Email email = MembershipEmailTemplates.renewed(FLEX, paid(0));

        assertThat(email.body())
                .contains(
                        "You paid 99.00 EUR for Tuesday 1 December 2026 at 09:00 UTC to Friday 1 January 2027 at 09:00 UTC.")
                .doesNotContain("credits");
    }

    @Test
    void aPlanNameCannotAddLines() {
        MembershipDetails sneaky =
                new MembershipDetails(new MembershipId("m-1"), "mia@example.test", "Mia\r\nBcc: x", "Flex\r\nBcc: y");

        Email email = MembershipEmailTemplates.ended(sneaky);

        assertThat(email.subject()).isEqualTo("Membership ended: Flex Bcc: y");
        assertThat(email.body()).startsWith("Hello Mia Bcc: x,").doesNotContain("\r");
    }

    private static MembershipPeriodPaid paid(long creditMinutes) {
        return new MembershipPeriodPaid(
                new MembershipId("m-1"),
                new MemberId("mia"),
                "stripe",
                "in_2",
                new Period(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2027-01-01T09:00:00Z")),
                Money.of(9900, "EUR"),
                1,
                creditMinutes);
    }
}
