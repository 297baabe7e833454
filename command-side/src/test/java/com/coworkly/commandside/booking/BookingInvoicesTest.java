package com.coworkly.commandside.booking;

import com.coworkly.events.common.Money;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import static com.coworkly.commandside.booking.BookingTestData.AN_HOURS_PRICE;
import static com.coworkly.commandside.booking.BookingTestData.BOOKING;
import static com.coworkly.commandside.booking.BookingTestData.CENTRAL_BV;
import static com.coworkly.commandside.booking.BookingTestData.MIA;
import static com.coworkly.commandside.booking.BookingTestData.TWO_DAYS_BEFORE_THE_START;
import static com.coworkly.commandside.booking.BookingTestData.TWO_HOURS_BEFORE_THE_START;
import static com.coworkly.commandside.booking.BookingTestData.aBookingConfirmed;
import static com.coworkly.commandside.booking.BookingTestData.aBookingFixture;
import static com.coworkly.commandside.booking.BookingTestData.aBookingPlaced;
import static com.coworkly.commandside.booking.BookingTestData.aCancellation;
import static com.coworkly.commandside.booking.BookingTestData.aMember;
import static com.coworkly.commandside.booking.BookingTestData.by;
import static com.coworkly.commandside.booking.BookingTestData.cents;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.anything;

/**
 * What a booking's documents say (EU VAT directive, Article 226), as issued in its events: the seller, the buyer
 * by name, the resource by name with quantity, unit price and day of supply, and whether it is paid.
 */
class BookingInvoicesTest {

    private static final LocalDate THE_BOOKINGS_DAY = LocalDate.of(2026, 3, 10);

    private final FixtureConfiguration<Booking> fixture = aBookingFixture();

    @Test
    void aConfirmedPaymentIssuesAPaidInvoiceNamingSellerBuyerAndResource() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        anything(),
                        document(
                                "a paid invoice of Desk 1 from Central's seller to Mia",
                                invoice -> invoice.kind() == InvoiceKind.INVOICE
                                        && CENTRAL_BV.equals(invoice.seller())
                                        && invoice.buyer().name().equals("Mia de Vries")
                                        && invoice.buyer().billingAddress() == null
                                        && invoice.paidOn().equals(LocalDate.of(2026, 3, 8))
                                        && isOneBookingOfDesk1(
                                                invoice.lines(),
                                                "Booking of Desk 1, 2026-03-10 10:00–11:00 (Europe/Amsterdam)")),
                        andNoMore())));
    }

    @Test
    void aCreditNoteIsNotPaidAndALateFeesInvoiceIs() {
        Money fee = cents(563);
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed(), anInvoiceOfTheBooking())
                .when(aCancellation(), by(aMember(MIA)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        anything(),
                        document(
                                "an unpaid credit note of Desk 1",
                                note -> note.kind() == InvoiceKind.CREDIT_NOTE
                                        && note.paidOn() == null
                                        && CENTRAL_BV.equals(note.seller())
                                        && isOneBookingOfDesk1(note.lines(), "Cancelled: booking of Desk 1")),
                        document(
                                "a paid fee invoice of Desk 1",
                                invoice -> invoice.kind() == InvoiceKind.INVOICE
                                        && invoice.gross().equals(fee)
                                        && invoice.paidOn() != null
                                        && isOneBookingOfDesk1(
                                                invoice.lines(), "Late cancellation fee: booking of Desk 1")),
                        andNoMore())));
    }

    private static boolean isOneBookingOfDesk1(List<InvoiceLine> lines, String describedAs) {
        return lines.size() == 1
                && lines.get(0).description().startsWith(describedAs)
                && lines.get(0).quantity() == 1
                && lines.get(0).unitNet().equals(lines.get(0).net())
                && lines.get(0).suppliedOn().equals(THE_BOOKINGS_DAY);
    }

    private static InvoiceIssued anInvoiceOfTheBooking() {
        return new InvoiceIssued(
                BOOKING,
                "invoice-1",
                InvoiceKind.INVOICE,
                "CEN-2026-000001",
                BookingTestData.CENTRAL,
                MIA,
                LocalDate.of(2026, 3, 8),
                new java.math.BigDecimal("21.00"),
                List.of(),
                cents(930),
                cents(195),
                AN_HOURS_PRICE,
                null);
    }

    private static Matcher<Object> document(String what, Predicate<InvoiceIssued> says) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object payload) {
                return payload instanceof InvoiceIssued invoice && says.test(invoice);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(what);
            }
        };
    }

    private FixtureConfiguration<Booking> itIs(Instant now) {
        return fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }
}
