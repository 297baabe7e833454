package com.coworkly.commandside.companybilling;

import com.coworkly.commandside.booking.CompanyCharges.Charge;
import com.coworkly.commandside.catalogue.SpaceDirectoryStub;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.commandside.companies.CompanyFees;
import com.coworkly.commandside.invoicing.InvoiceParties;
import com.coworkly.commandside.invoicing.Invoicing;
import com.coworkly.commandside.invoicing.NetworkSeller;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.companybilling.CompanyBillClosed;
import com.coworkly.events.companybilling.CompanyBillOpened;
import com.coworkly.events.companybilling.CompanyBookingCharged;
import com.coworkly.events.companybilling.CompanyChargeReduced;
import com.coworkly.events.companybilling.CompanyFeeCharged;
import com.coworkly.events.invoicing.Buyer;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * A company's bill for a month at a space (decision 38): Acme's members book at Central in March 2026; the bill
 * closes at the first instant of April in Amsterdam and is invoiced a minute later, as one invoice.
 */
class CompanyBillTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final CompanyId ACME = new CompanyId("company-acme");
    private static final SpaceId CENTRAL = new SpaceId("space-central");
    private static final ResourceId DESK = new ResourceId("resource-desk");
    private static final MemberId MIA = new MemberId("member-mia");
    private static final String BILL = "bill-company-acme-space-central-2026-03";
    private static final Instant CLOSES_AT = Instant.parse("2026-03-31T22:00:00Z");
    private static final BookingId FIRST = new BookingId("booking-1");
    private static final BookingId SECOND = new BookingId("booking-2");
    private static final Buyer ACME_AS_BUYER =
            new Buyer("Acme B.V.", new Address("Keizersgracht 1", "1015 CC", "Amsterdam", "NL"), "NL999999999B01");

    private FixtureConfiguration<CompanyBill> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CompanyBill.class);
        SpaceDirectoryStub spaces = new SpaceDirectoryStub()
                .withSpace(
                        CENTRAL,
                        new SpaceTerms(EUR, AMSTERDAM, CancellationPolicy.STANDARD, Duration.ofHours(24)),
                        new MemberId("member-alice"));
        AtomicLong numbers = new AtomicLong();
        fixture.registerInjectableResource(new Invoicing(
                spaces,
                (prefix, year) -> "%s-%d-%06d".formatted(prefix, year, numbers.incrementAndGet()),
                new InvoiceParties() {
                    @Override
                    public Optional<Buyer> buyer(MemberId member) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Buyer> companyBuyer(CompanyId company) {
                        return Optional.of(ACME_AS_BUYER);
                    }

                    @Override
                    public Optional<String> resourceName(ResourceId resource) {
                        return Optional.of("Desk 1");
                    }
                },
                NetworkSeller.NONE));
        fixture.givenCurrentTime(Instant.parse("2026-03-10T08:00:00Z"));
    }

    @Test
    void theFirstBookingOpensTheBillAndItsClosingIsScheduledAMinuteAfterTheMonthsEnd() {
        fixture.givenNoPriorActivity()
                .when(charging(FIRST, 1125))
                .expectEvents(opened(), charged(FIRST, 1125))
                .expectScheduledDeadlineWithName(CLOSES_AT.plus(Duration.ofMinutes(1)), CompanyBill.CLOSING);
    }

    @Test
    void aBookingIsChargedOnce() {
        fixture.given(opened(), charged(FIRST, 1125))
                .when(charging(FIRST, 1125))
                .expectNoEvents();
    }

    @Test
    void aCancellationBeforeTheCloseLeavesWhatItKeeps() {
        fixture.given(opened(), charged(FIRST, 1125))
                .when(new ReduceCharge(BILL, FIRST, cents(563), Instant.parse("2026-03-20T08:00:00Z")))
                .expectEvents(new CompanyChargeReduced(BILL, FIRST, cents(563)));
    }

    @Test
    void aChargeNeverGoesUpAndAReductionIsMadeOnce() {
        fixture.given(opened(), charged(FIRST, 1125), new CompanyChargeReduced(BILL, FIRST, cents(563)))
                .when(new ReduceCharge(BILL, FIRST, cents(563), Instant.parse("2026-03-20T08:00:00Z")))
                .expectNoEvents();
    }

    @Test
    void aCancellationOfABookingNotOnTheBillChangesNothing() {
        fixture.given(opened(), charged(FIRST, 1125))
                .when(new ReduceCharge(BILL, SECOND, cents(0), Instant.parse("2026-03-20T08:00:00Z")))
                .expectNoEvents();
    }

    @Test
    void theClosedMonthIsOneInvoiceToTheCompanyWithALinePerBookingItStillCharges() {
        fixture.givenCommands(charging(FIRST, 1125), charging(SECOND, 2250), charging(new BookingId("b-3"), 500))
                .andGivenCommands(new ReduceCharge(BILL, SECOND, cents(1125), Instant.parse("2026-03-30T08:00:00Z")))
                .andGivenCommands(new ReduceCharge(BILL, new BookingId("b-3"), cents(0), CLOSES_AT))
                .whenTimeElapses(Duration.ofDays(30))
                .expectEventsMatching(exactly(
                        event(
                                InvoiceIssued.class,
                                invoice -> invoice.kind() == InvoiceKind.INVOICE
                                        && invoice.companyId().equals(ACME)
                                        && invoice.bookingId() == null
                                        && invoice.memberId() == null
                                        && invoice.buyer().equals(ACME_AS_BUYER)
                                        && invoice.issuedOn().equals(LocalDate.of(2026, 4, 1))
                                        && invoice.paidOn() == null
                                        && invoice.number().equals("CEN-2026-000001")
                                        && invoice.lines().size() == 2
                                        && line(invoice.lines().get(0), FIRST, "Booking of Desk 1", 1125)
                                        && line(
                                                invoice.lines().get(1),
                                                SECOND,
                                                "Late cancellation fee: booking of Desk 1",
                                                1125)
                                        && invoice.gross().equals(cents(2250))
                                        && invoice.net().plus(invoice.vat()).equals(invoice.gross())),
                        event(CompanyBillClosed.class, closed -> closed.invoiceId() != null)));
    }

    @Test
    void aMonthWhoseBookingsWereAllCancelledForFreeClosesWithNoInvoice() {
        fixture.givenCommands(charging(FIRST, 1125))
                .andGivenCommands(new ReduceCharge(BILL, FIRST, cents(0), Instant.parse("2026-03-12T08:00:00Z")))
                .whenTimeElapses(Duration.ofDays(30))
                .expectEvents(new CompanyBillClosed(BILL, ACME, null));
    }

    @Test
    void aCancellationAfterTheCloseIsACreditNoteForWhatItGivesBack() {
        fixture.given(opened(), charged(FIRST, 1125), closedAs("invoice-1"))
                .when(new ReduceCharge(BILL, FIRST, cents(563), CLOSES_AT.plus(Duration.ofDays(1))))
                .expectEventsMatching(exactly(event(
                        InvoiceIssued.class,
                        note -> note.kind() == InvoiceKind.CREDIT_NOTE
                                && note.credits().equals("invoice-1")
                                && note.companyId().equals(ACME)
                                && note.issuedOn().equals(LocalDate.of(2026, 4, 2))
                                && note.lines().size() == 1
                                && line(note.lines().get(0), FIRST, "Cancelled: booking of Desk 1", 562))));
    }

    @Test
    void aSecondCancellationAfterTheCloseCreditsNothingMore() {
        fixture.given(opened(), charged(FIRST, 1125), closedAs("invoice-1"))
                .andGivenCommands(new ReduceCharge(BILL, FIRST, cents(0), CLOSES_AT.plus(Duration.ofDays(1))))
                .when(new ReduceCharge(BILL, FIRST, cents(0), CLOSES_AT.plus(Duration.ofDays(2))))
                .expectNoEvents();
    }

    @Test
    void aBookingChargedAfterTheCloseIsAFaultNotALostCharge() {
        fixture.given(opened(), charged(FIRST, 1125), closedAs("invoice-1"))
                .when(charging(SECOND, 1125))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aPlanFeeIsChargedOnceAndComesFirstOnTheMonthsInvoice() {
        fixture.givenCommands(charging(FIRST, 1125), chargingTheFee())
                .andGivenCommands(chargingTheFee())
                .whenTimeElapses(Duration.ofDays(30))
                .expectEventsMatching(exactly(
                        event(
                                InvoiceIssued.class,
                                invoice -> invoice.lines().size() == 2
                                        && invoice.lines().get(0).bookingId() == null
                                        && invoice.lines().get(0).description().equals(FEE_LINE)
                                        && invoice.lines().get(0).gross().equals(cents(30000))
                                        && invoice.lines().get(0).suppliedOn().equals(LocalDate.of(2026, 3, 10))
                                        && line(invoice.lines().get(1), FIRST, "Booking of Desk 1", 1125)
                                        && invoice.gross().equals(cents(31125))),
                        event(CompanyBillClosed.class, closed -> closed.invoiceId() != null)));
    }

    @Test
    void aPlanFeeOpensTheBillWhenItIsTheMonthsFirstCharge() {
        fixture.givenNoPriorActivity()
                .when(chargingTheFee())
                .expectEvents(
                        opened(),
                        new CompanyFeeCharged(
                                BILL, "plan-1-period-1", FEE_LINE, LocalDate.of(2026, 3, 10), cents(30000)));
    }

    private static final String FEE_LINE = "Plan Team, 2 seats, 2026-03-10 to 2026-04-09";

    private static ChargeFee chargingTheFee() {
        return new ChargeFee(
                BILL,
                "2026-03",
                CLOSES_AT,
                CLOSES_AT.plus(Duration.ofMinutes(1)),
                new CompanyFees.Fee(
                        ACME,
                        CENTRAL,
                        AMSTERDAM,
                        "plan-1-period-1",
                        FEE_LINE,
                        LocalDate.of(2026, 3, 10),
                        cents(30000),
                        Instant.parse("2026-03-10T08:00:00Z")));
    }

    private static ChargeBooking charging(BookingId booking, long cents) {
        return new ChargeBooking(
                BILL,
                "2026-03",
                CLOSES_AT,
                CLOSES_AT.plus(Duration.ofMinutes(1)),
                new Charge(
                        ACME,
                        CENTRAL,
                        AMSTERDAM,
                        booking,
                        MIA,
                        DESK,
                        "2026-03-31 10:00–11:00 (Europe/Amsterdam)",
                        LocalDate.of(2026, 3, 31),
                        cents(cents)));
    }

    private static CompanyBillOpened opened() {
        return new CompanyBillOpened(BILL, ACME, CENTRAL, "2026-03", AMSTERDAM, CLOSES_AT);
    }

    private static CompanyBillClosed closedAs(String invoiceId) {
        return new CompanyBillClosed(BILL, ACME, invoiceId);
    }

    private static CompanyBookingCharged charged(BookingId booking, long cents) {
        return new CompanyBookingCharged(
                BILL,
                booking,
                MIA,
                DESK,
                "2026-03-31 10:00–11:00 (Europe/Amsterdam)",
                LocalDate.of(2026, 3, 31),
                cents(cents));
    }

    private static boolean line(InvoiceLine line, BookingId booking, String nature, long cents) {
        return line.bookingId().equals(booking)
                && line.description().equals(nature + ", 2026-03-31 10:00–11:00 (Europe/Amsterdam)")
                && line.gross().equals(cents(cents))
                && line.net().plus(line.vat()).equals(line.gross())
                && line.suppliedOn().equals(LocalDate.of(2026, 3, 31));
    }

    private static Money cents(long minorUnits) {
        return new Money(minorUnits, EUR);
    }

    private static <T> Matcher<?> event(Class<T> type, Predicate<T> predicate) {
        return matches(payload -> type.isInstance(payload) && predicate.test(type.cast(payload)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<EventMessage<?>>> exactly(Matcher<?>... events) {
        Matcher[] all = java.util.Arrays.copyOf(events, events.length + 1, Matcher[].class);
        all[events.length] = andNoMore();
        return payloadsMatching(exactSequenceOf(all));
    }
}
