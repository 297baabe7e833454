package com.coworkly.commandside.booking;

import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPaidFromCompanyPool;
import com.coworkly.events.booking.BookingPaidWithCredits;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.Money;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.coworkly.commandside.booking.BookingTestData.ALICE;
import static com.coworkly.commandside.booking.BookingTestData.AMSTERDAM;
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
import static com.coworkly.commandside.booking.BookingTestData.aCancellation;
import static com.coworkly.commandside.booking.BookingTestData.aManager;
import static com.coworkly.commandside.booking.BookingTestData.aMember;
import static com.coworkly.commandside.booking.BookingTestData.by;
import static com.coworkly.commandside.booking.BookingTestData.cents;
import static com.coworkly.commandside.booking.BookingTestData.followedBy;
import static com.coworkly.events.booking.CancellationReason.BY_MEMBER;
import static com.coworkly.events.invoicing.InvoiceKind.CREDIT_NOTE;
import static com.coworkly.events.invoicing.InvoiceKind.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancellation in credits mirrors money (docs/memberships.md): Mia's hour at Central was paid half with 30 minutes of
 * credits (worth 5.63 of its 11.25) and half by card (5.62).
 */
class BookingPaidWithCreditsTest {

    private static final Money CARD_PART = cents(562);
    private static final BookingPaidWithCredits HALF_WITH_CREDITS =
            new BookingPaidWithCredits(BOOKING, MIA, 30, AN_HOURS_PRICE, cents(563));

    private static final CompanyId ACME = new CompanyId("company-acme");
    /** An hour paid wholly with credits: 20 minutes of Mia's own, then 40 of her company's pool. */
    private static final BookingPaidWithCredits ALL_WITH_CREDITS =
            new BookingPaidWithCredits(BOOKING, MIA, 60, AN_HOURS_PRICE, AN_HOURS_PRICE);

    private static final BookingPaidFromCompanyPool FORTY_MINUTES_FROM_THE_POOL =
            new BookingPaidFromCompanyPool(BOOKING, MIA, ACME, 40);

    private final RecordedCredits credits = new RecordedCredits();
    private FixtureConfiguration<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = BookingTestData.aBookingFixture(credits);
    }

    @Test
    void aFreeCancellationGivesBackEveryCreditAndRefundsTheCardPart() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(placedFor(CARD_PART), HALF_WITH_CREDITS)
                .andGivenCommands(paidByCard())
                .when(aCancellation(), by(aMember(MIA)))
                .expectEventsMatching(followedBy(
                        aBookingCancelled(aMember(MIA), BY_MEMBER, cents(0), CARD_PART), CREDIT_NOTE, CARD_PART));
        assertThat(credits.givenBack).containsExactly(new RecordedCredits.GivenBack(MIA, BOOKING, 30));
    }

    @Test
    void aLateCancellationKeepsTheFeesShareInMoneyAndInCredits() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(placedFor(CARD_PART), HALF_WITH_CREDITS)
                .andGivenCommands(paidByCard())
                .when(aCancellation(), by(aMember(MIA)))
                .expectEventsMatching(followedBy(
                        aBookingCancelled(aMember(MIA), BY_MEMBER, cents(281), cents(281)),
                        CREDIT_NOTE,
                        CARD_PART,
                        INVOICE,
                        cents(281)));
        assertThat(credits.givenBack).containsExactly(new RecordedCredits.GivenBack(MIA, BOOKING, 15));
    }

    @Test
    void aBookingPaidWithCreditsAloneHasNoInvoiceToCreditAndGivesBackWhatTheFeeLeaves() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(
                        placedFor(cents(0)),
                        new BookingPaidWithCredits(BOOKING, MIA, 60, AN_HOURS_PRICE, AN_HOURS_PRICE),
                        aBookingConfirmed())
                .when(aCancellation(), by(aMember(MIA)))
                .expectEvents(aBookingCancelled(aMember(MIA), BY_MEMBER, cents(0), cents(0)));
        assertThat(credits.givenBack).containsExactly(new RecordedCredits.GivenBack(MIA, BOOKING, 30));
    }

    @Test
    void staffCancelForFreeInCreditsToo() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(placedFor(CARD_PART), HALF_WITH_CREDITS)
                .andGivenCommands(paidByCard())
                .when(aCancellation(), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution();
        assertThat(credits.givenBack).containsExactly(new RecordedCredits.GivenBack(MIA, BOOKING, 30));
    }

    @Test
    void aDisplacementByMaintenanceGivesBackEveryCredit() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(placedFor(CARD_PART), HALF_WITH_CREDITS)
                .andGivenCommands(paidByCard())
                .when(new DisplaceBooking(BOOKING, "maintenance", TWO_HOURS_BEFORE_THE_START), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution();
        assertThat(credits.givenBack).containsExactly(new RecordedCredits.GivenBack(MIA, BOOKING, 30));
    }

    @Test
    void aBookingWhoseCardPartIsNeverPaidExpiresAndItsCreditsGoBackThroughTheExpiry() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(placedFor(CARD_PART), HALF_WITH_CREDITS)
                .when(new FailPayment(BOOKING, "pi_1", "declined"))
                .expectEvents(new BookingExpired(BOOKING, DESK, CENTRAL, MIA, AN_HOUR, "payment failed: declined"));
        assertThat(credits.givenBack)
                .as("given back by CreditsOfExpiredBookings, not twice")
                .isEmpty();

        new CreditsOfExpiredBookings(credits)
                .on(new BookingExpired(BOOKING, DESK, CENTRAL, MIA, AN_HOUR, "payment failed: declined"));

        assertThat(credits.givenBack).containsExactly(new RecordedCredits.GivenBack(MIA, BOOKING, Long.MAX_VALUE));
    }

    @Test
    void theCardIsAskedOnlyForWhatTheCreditsLeft() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(placedFor(CARD_PART), HALF_WITH_CREDITS)
                .when(new RequestPayment(BOOKING), by(aMember(MIA)))
                .expectResultMessagePayload(new PaymentDue(MIA, CARD_PART, 30));
    }

    @Test
    void aBookingThatSpentNoCreditsGivesNoneBack() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(placedFor(AN_HOURS_PRICE))
                .andGivenCommands(paidByCard())
                .when(aCancellation(), by(aMember(MIA)))
                .expectSuccessfulHandlerExecution();
        assertThat(credits.givenBack).isEmpty();
    }

    @Test
    void aFreeCancellationGivesTheMembersOwnCreditsAndThePoolsBackToEach() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(placedFor(cents(0)), ALL_WITH_CREDITS, FORTY_MINUTES_FROM_THE_POOL, aBookingConfirmed())
                .when(aCancellation(), by(aMember(MIA)))
                .expectSuccessfulHandlerExecution();
        assertThat(credits.givenBack).containsExactly(new RecordedCredits.GivenBack(MIA, BOOKING, 20));
        assertThat(credits.givenBackToPool).containsExactly(new RecordedCredits.GivenBackToPool(ACME, BOOKING, 40));
    }

    @Test
    void aLateCancellationGivesBackTheMembersOwnCreditsFirstSoThePoolKeepsTheFee() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(placedFor(cents(0)), ALL_WITH_CREDITS, FORTY_MINUTES_FROM_THE_POOL, aBookingConfirmed())
                .when(aCancellation(), by(aMember(MIA)))
                .expectSuccessfulHandlerExecution();
        assertThat(credits.givenBack).containsExactly(new RecordedCredits.GivenBack(MIA, BOOKING, 20));
        assertThat(credits.givenBackToPool).containsExactly(new RecordedCredits.GivenBackToPool(ACME, BOOKING, 10));
    }

    private FixtureConfiguration<Booking> itIs(Instant now) {
        return fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static BookingPlaced placedFor(Money cardPart) {
        return new BookingPlaced(
                BOOKING, DESK, CENTRAL, MIA, AN_HOUR, AMSTERDAM, cardPart, CancellationPolicy.STANDARD);
    }

    private static ConfirmPayment paidByCard() {
        return new ConfirmPayment(BOOKING, "stripe", "pi_1");
    }
}
