package com.coworkly.queryside.notifications;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class EmailTemplatesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aConfirmationNamesTheSpaceTheResourceTheLocalTimesAndThePrice() {
        Email email = EmailTemplates.confirmation(aBooking());

        assertThat(email.recipient()).isEqualTo("mia@example.test");
        assertThat(email.subject())
                .isEqualTo("Booking confirmed: Desk 7 at Amsterdam Central, Monday 7 December 2026 at 09:00");
        assertThat(email.body())
                .contains(
                        "Hello Mia,",
                        "your booking is confirmed.",
                        "Space:     Amsterdam Central",
                        "Resource:  Desk 7",
                        "When:      Monday 7 December 2026, 09:00–11:00 (Europe/Amsterdam)",
                        "Price:     12.00 EUR",
                        "Reference: b-1");
    }

    @Test
    void timesAreThoseOfTheSpacesZoneAlsoInSummer() {
        BookingDetails july = withPeriod("2027-07-05T07:30:00Z", "2027-07-05T08:00:00Z");

        assertThat(EmailTemplates.when(july)).isEqualTo("Monday 5 July 2027, 09:30–10:00 (Europe/Amsterdam)");
    }

    @Test
    void aBookingOverMidnightNamesBothDays() {
        BookingDetails overnight = withPeriod("2026-12-07T21:00:00Z", "2026-12-08T01:00:00Z");

        assertThat(EmailTemplates.when(overnight))
                .isEqualTo("Monday 7 December 2026 22:00 – Tuesday 8 December 2026 02:00 (Europe/Amsterdam)");
    }

    @Test
    void moneyIsWrittenWithTheCurrencysOwnDecimals() {
        assertThat(EmailTemplates.money(Money.of(1205, "EUR"))).isEqualTo("12.05 EUR");
        assertThat(EmailTemplates.money(Money.of(500, "JPY"))).isEqualTo("500 JPY");
        assertThat(EmailTemplates.money(Money.of(12345, "KWD"))).isEqualTo("12.345 KWD");
    }

    @Test
    void aReminderSaysWhenTheBookingStarts() {
        Email email = EmailTemplates.reminder(aBooking());

        assertThat(email.subject()).startsWith("Reminder: Desk 7 at Amsterdam Central");
        assertThat(email.body()).contains("which starts on Monday 7 December 2026 at 09:00.", "Price:     12.00 EUR");
    }

    @Test
    void aLateCancellationStatesTheFeeAndTheRefund() {
        Email email =
                EmailTemplates.cancellation(aBooking(), cancelled(CancellationReason.BY_MEMBER, 600, 600, "oops"));

        assertThat(email.subject()).startsWith("Booking cancelled: Desk 7 at Amsterdam Central");
        assertThat(email.body())
                .contains("cancelled as you asked.", "a fee of 6.00 EUR is charged; 6.00 EUR is refunded to you.")
                .doesNotContain("oops");
    }

    @Test
    void aCancellationByStaffGivesTheirReasonAndTheFullRefund() {
        Email email = EmailTemplates.cancellation(
                aBooking(), cancelled(CancellationReason.BY_STAFF, 0, 1200, "Double booked\r\nSubject: spoofed"));

        assertThat(email.body())
                .contains(
                        "cancelled by the staff of Amsterdam Central.",
                        "The reason they gave: Double booked Subject: spoofed",
                        "The full price of 12.00 EUR is refunded to you.");
    }

    @Test
    void cancellingAnUnpaidBookingChargesNothing() {
        Email email = EmailTemplates.cancellation(aBooking(), cancelled(CancellationReason.BY_MEMBER, 0, 0, null));

        assertThat(email.body()).contains("Nothing has been charged.");
    }

    @Test
    void aDisplacementSaysItWasForMaintenanceAndFullyRefunded() {
        Email email = EmailTemplates.displacement(
                aBooking(), cancelled(CancellationReason.MAINTENANCE, 0, 1200, "maintenance"));

        assertThat(email.subject()).startsWith("Booking cancelled for maintenance: Desk 7 at Amsterdam Central");
        assertThat(email.body())
                .contains(
                        "Desk 7 needs maintenance during your booking",
                        "You get the full price of 12.00 EUR back.",
                        "When:      Monday 7 December 2026, 09:00–11:00");
    }

    @Test
    void anExpirySaysTheBookingWasNotPaidAndNothingCharged() {
        Email email = EmailTemplates.expiry(aBooking());

        assertThat(email.subject()).startsWith("Booking expired: Desk 7 at Amsterdam Central");
        assertThat(email.body()).contains("was not paid in time", "Nothing has been charged.");
    }

    @Test
    void aNameCannotAddLinesToTheSubject() {
        BookingDetails booking = aBooking();
        BookingDetails sneaky = new BookingDetails(
                booking.bookingId(),
                booking.memberEmail(),
                booking.memberName(),
                "Central\r\nBcc: everyone@example.test",
                booking.resourceName(),
                booking.period(),
                booking.zone(),
                booking.price());

        assertThat(EmailTemplates.confirmation(sneaky).subject())
                .doesNotContain("\n", "\r")
                .contains("Central Bcc: everyone@example.test");
    }

    static BookingDetails aBooking() {
        return withPeriod("2026-12-07T08:00:00Z", "2026-12-07T10:00:00Z");
    }

    private static BookingDetails withPeriod(String start, String end) {
        return new BookingDetails(
                new BookingId("b-1"),
                "mia@example.test",
                "Mia",
                "Amsterdam Central",
                "Desk 7",
                new Period(Instant.parse(start), Instant.parse(end)),
                AMSTERDAM,
                Money.of(1200, "EUR"));
    }

    private static BookingCancelled cancelled(CancellationReason reason, long fee, long refund, String note) {
        return new BookingCancelled(
                new BookingId("b-1"),
                new ResourceId("desk-7"),
                new SpaceId("ams"),
                new MemberId("mia"),
                aBooking().period(),
                "someone",
                reason,
                note,
                Money.of(fee, "EUR"),
                Money.of(refund, "EUR"));
    }
}
