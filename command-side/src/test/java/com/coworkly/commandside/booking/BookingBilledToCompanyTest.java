package com.coworkly.commandside.booking;

import com.coworkly.events.booking.BookingBilledToCompany;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.common.CompanyId;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.coworkly.commandside.booking.BookingTestData.ALICE;
import static com.coworkly.commandside.booking.BookingTestData.AN_HOUR;
import static com.coworkly.commandside.booking.BookingTestData.AN_HOURS_PRICE;
import static com.coworkly.commandside.booking.BookingTestData.BOOKING;
import static com.coworkly.commandside.booking.BookingTestData.CENTRAL;
import static com.coworkly.commandside.booking.BookingTestData.DESK;
import static com.coworkly.commandside.booking.BookingTestData.MIA;
import static com.coworkly.commandside.booking.BookingTestData.TWO_DAYS_BEFORE_THE_START;
import static com.coworkly.commandside.booking.BookingTestData.TWO_HOURS_BEFORE_THE_START;
import static com.coworkly.commandside.booking.BookingTestData.aBookingCancelled;
import static com.coworkly.commandside.booking.BookingTestData.aBookingConfirmed;
import static com.coworkly.commandside.booking.BookingTestData.aBookingPlaced;
import static com.coworkly.commandside.booking.BookingTestData.aCancellation;
import static com.coworkly.commandside.booking.BookingTestData.aManager;
import static com.coworkly.commandside.booking.BookingTestData.aMember;
import static com.coworkly.commandside.booking.BookingTestData.by;
import static com.coworkly.commandside.booking.BookingTestData.cents;
import static com.coworkly.events.booking.CancellationReason.BY_MEMBER;
import static com.coworkly.events.booking.CancellationReason.BY_STAFF;
import static com.coworkly.events.booking.CancellationReason.MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking billed to its member's company (decision 38) was never paid by card: a cancellation refunds nothing and
 * issues no document of its own, but leaves on the company's bill what the member would have paid, the fee or
 * nothing.
 */
class BookingBilledToCompanyTest {

    private static final String BILL = "bill-acme-central-2026-03";
    private static final BookingBilledToCompany BILLED =
            new BookingBilledToCompany(BOOKING, new CompanyId("acme"), MIA, BILL, AN_HOURS_PRICE);

    private final RecordedCharges charges = new RecordedCharges();
    private FixtureConfiguration<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = BookingTestData.aBookingFixture(new RecordedCredits(), charges);
    }

    @Test
    void aFreeCancellationLeavesNothingOnTheBillAndRefundsNothing() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced(), BILLED, aBookingConfirmed())
                .when(aCancellation(), by(aMember(MIA)))
                .expectEvents(aBookingCancelled(aMember(MIA), BY_MEMBER, cents(0), cents(0)));
        assertThat(charges.reduced).containsExactly(new RecordedCharges.Reduced(BILL, BOOKING, cents(0)));
    }

    @Test
    void aLateCancellationLeavesTheFeeOnTheBill() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced(), BILLED, aBookingConfirmed())
                .when(aCancellation(), by(aMember(MIA)))
                .expectEvents(aBookingCancelled(aMember(MIA), BY_MEMBER, cents(563), cents(0)));
        assertThat(charges.reduced).containsExactly(new RecordedCharges.Reduced(BILL, BOOKING, cents(563)));
    }

    @Test
    void staffCancelForFree() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced(), BILLED, aBookingConfirmed())
                .when(aCancellation(), by(aManager(ALICE)))
                .expectEvents(aBookingCancelled(aManager(ALICE), BY_STAFF, cents(0), cents(0)));
        assertThat(charges.reduced).containsExactly(new RecordedCharges.Reduced(BILL, BOOKING, cents(0)));
    }

    @Test
    void aDisplacementByMaintenanceLeavesNothingOnTheBill() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced(), BILLED, aBookingConfirmed())
                .when(new DisplaceBooking(BOOKING, "maintenance", TWO_HOURS_BEFORE_THE_START), by(aManager(ALICE)))
                .expectEvents(new BookingCancelled(
                        BOOKING,
                        DESK,
                        CENTRAL,
                        MIA,
                        AN_HOUR,
                        ALICE.value(),
                        MAINTENANCE,
                        "maintenance",
                        cents(0),
                        cents(0)));
        assertThat(charges.reduced).containsExactly(new RecordedCharges.Reduced(BILL, BOOKING, cents(0)));
    }

    @Test
    void aBookingItsMemberPaysReducesNoBill() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .andGivenCommands(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .when(aCancellation(), by(aMember(MIA)))
                .expectSuccessfulHandlerExecution();
        assertThat(charges.reduced).isEmpty();
    }

    private FixtureConfiguration<Booking> itIs(Instant now) {
        return fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }
}
