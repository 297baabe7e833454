package com.coworkly.commandside.booking;

import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.LatePaymentReceived;
import com.coworkly.events.booking.PaymentRequested;
import com.coworkly.events.booking.ReminderFellDue;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.SeriesId;
import com.coworkly.events.invoicing.InvoiceKind;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static com.coworkly.commandside.booking.BookingTestData.ALICE;
import static com.coworkly.commandside.booking.BookingTestData.AN_HOUR;
import static com.coworkly.commandside.booking.BookingTestData.AN_HOURS_PRICE;
import static com.coworkly.commandside.booking.BookingTestData.BOB;
import static com.coworkly.commandside.booking.BookingTestData.BOOKING;
import static com.coworkly.commandside.booking.BookingTestData.CENTRAL;
import static com.coworkly.commandside.booking.BookingTestData.DESK;
import static com.coworkly.commandside.booking.BookingTestData.HALFWAY_THROUGH;
import static com.coworkly.commandside.booking.BookingTestData.MIA;
import static com.coworkly.commandside.booking.BookingTestData.OTTO;
import static com.coworkly.commandside.booking.BookingTestData.TWO_DAYS_BEFORE_THE_START;
import static com.coworkly.commandside.booking.BookingTestData.TWO_HOURS_BEFORE_THE_START;
import static com.coworkly.commandside.booking.BookingTestData.aBookingCancelled;
import static com.coworkly.commandside.booking.BookingTestData.aBookingConfirmed;
import static com.coworkly.commandside.booking.BookingTestData.aBookingPlaced;
import static com.coworkly.commandside.booking.BookingTestData.aCancellation;
import static com.coworkly.commandside.booking.BookingTestData.aManager;
import static com.coworkly.commandside.booking.BookingTestData.aMember;
import static com.coworkly.commandside.booking.BookingTestData.anAdmin;
import static com.coworkly.commandside.booking.BookingTestData.anInvoice;
import static com.coworkly.commandside.booking.BookingTestData.by;
import static com.coworkly.commandside.booking.BookingTestData.cents;
import static com.coworkly.commandside.booking.BookingTestData.followedBy;
import static com.coworkly.commandside.catalogue.Refused.refusedWith;
import static com.coworkly.events.booking.CancellationReason.BY_MEMBER;
import static com.coworkly.events.booking.CancellationReason.BY_STAFF;

/**
 * The rule "late-cancellation fee" (docs/domain.md) on Mia's confirmed hour at Central (EUR 11.25, a 24-hour late
 * window, a 50 % fee).
 */
class BookingTest {

    private FixtureConfiguration<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = BookingTestData.aBookingFixture();
    }

    @Test
    void canCancelOwnBookingBeforeTheLateWindowForFree() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(aMember(MIA)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(followedBy(
                        aBookingCancelled(aMember(MIA), BY_MEMBER, cents(0), AN_HOURS_PRICE),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE));
    }

    @Test
    void aMemberCancellingInsideTheLateWindowPaysTheLateFee() {
        // half of 11.25 rounds up to 5.63; the refund is the rest, so that fee and refund add up to the price
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(aMember(MIA)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(followedBy(
                        aBookingCancelled(aMember(MIA), BY_MEMBER, cents(563), cents(562)),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE,
                        InvoiceKind.INVOICE,
                        cents(563)));
    }

    @Test
    void aManagerOfTheSpaceCancelsForFree() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(followedBy(
                        aBookingCancelled(aManager(ALICE), BY_STAFF, cents(0), AN_HOURS_PRICE),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE));
    }

    @Test
    void anAdminCancelsForFree() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(anAdmin()))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(followedBy(
                        aBookingCancelled(anAdmin(), BY_STAFF, cents(0), AN_HOURS_PRICE),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE));
    }

    @Test
    void cannotCancelAnotherMembersBooking() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(aMember(OTTO)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_BOOKING"));
    }

    @Test
    void aManagerOfAnotherSpaceCannotCancel() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(aManager(BOB)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_BOOKING"));
    }

    @Test
    void aStrangerLearnsNothingOfACancelledBooking() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(
                        aBookingPlaced(),
                        aBookingConfirmed(),
                        aBookingCancelled(aMember(MIA), BY_MEMBER, cents(0), AN_HOURS_PRICE))
                .when(aCancellation(), by(aMember(OTTO)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_BOOKING"));
    }

    @Test
    void cannotCancelTwice() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(
                        aBookingPlaced(),
                        aBookingConfirmed(),
                        aBookingCancelled(aMember(MIA), BY_MEMBER, cents(0), AN_HOURS_PRICE))
                .when(aCancellation(), by(aMember(MIA)))
                .expectNoEvents()
                .expectException(refusedWith("BOOKING_NOT_LIVE"));
    }

    @Test
    void aMemberCannotCancelABookingThatHasStarted() {
        itIs(AN_HOUR.start())
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(aMember(MIA)))
                .expectNoEvents()
                .expectException(refusedWith("BOOKING_ALREADY_STARTED"));
    }

    @Test
    void staffCanCancelABookingThatHasStarted() {
        itIs(HALFWAY_THROUGH)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(followedBy(
                        aBookingCancelled(aManager(ALICE), BY_STAFF, cents(0), AN_HOURS_PRICE),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE));
    }

    @Test
    void nobodyCancelsABookingThatIsOver() {
        itIs(AN_HOUR.end())
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(aCancellation(), by(anAdmin()))
                .expectNoEvents()
                .expectException(refusedWith("BOOKING_ALREADY_ENDED"));
    }

    @Test
    void theProvidersPaymentIsRecorded() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(new RecordPaymentRequest(BOOKING, "stripe", "pi_1", false))
                .expectEvents(new PaymentRequested(BOOKING, "stripe", "pi_1", AN_HOURS_PRICE));
    }

    /** The simulated provider takes the payment at once: the booking is confirmed with the payment's request. */
    @Test
    void aPaymentAlreadyTakenWhenItIsRecordedConfirmsTheBooking() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Matcher<List<EventMessage<?>>> requestedConfirmedAndInvoiced =
                Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        (Matcher) Matchers.equalTo(new PaymentRequested(BOOKING, "simulated", "sim_1", AN_HOURS_PRICE)),
                        (Matcher) Matchers.equalTo(aBookingConfirmed()),
                        (Matcher) anInvoice(InvoiceKind.INVOICE, AN_HOURS_PRICE),
                        Matchers.andNoMore()));
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(new RecordPaymentRequest(BOOKING, "simulated", "sim_1", true))
                .expectEventsMatching(requestedConfirmedAndInvoiced);
    }

    @Test
    void theSamePaymentIsRecordedOnce() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced(), new PaymentRequested(BOOKING, "stripe", "pi_1", AN_HOURS_PRICE))
                .when(new RecordPaymentRequest(BOOKING, "stripe", "pi_1", false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSucceededPaymentConfirmsAnUnpaidBooking() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .expectEventsMatching(followedBy(aBookingConfirmed(), InvoiceKind.INVOICE, AN_HOURS_PRICE));
    }

    @Test
    void aSecondSucceededPaymentChangesNothing() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedPaymentExpiresAnUnpaidBooking() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(new FailPayment(BOOKING, "pi_1", "card declined"))
                .expectEvents(
                        new BookingExpired(BOOKING, DESK, CENTRAL, MIA, AN_HOUR, "payment failed: card declined"));
    }

    @Test
    void aFailedPaymentAfterASucceededOneChangesNothing() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(new FailPayment(BOOKING, "pi_1", "card declined"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPaymentAfterExpiryIsOwedBackInFull() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(
                        aBookingPlaced(),
                        new BookingExpired(BOOKING, DESK, CENTRAL, MIA, AN_HOUR, "payment hold ran out"))
                .when(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .expectEvents(new LatePaymentReceived(BOOKING, MIA, "stripe", "pi_1", AN_HOURS_PRICE));
    }

    @Test
    void aRepeatedSuccessAfterAPaidBookingWasCancelledChangesNothing() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(
                        aBookingPlaced(),
                        aBookingConfirmed(),
                        aBookingCancelled(aMember(MIA), BY_MEMBER, cents(0), AN_HOURS_PRICE))
                .when(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLatePaymentDeliveredTwiceIsOwedBackOnce() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(
                        aBookingPlaced(),
                        new BookingExpired(BOOKING, DESK, CENTRAL, MIA, AN_HOUR, "payment hold ran out"),
                        new LatePaymentReceived(BOOKING, MIA, "stripe", "pi_1", AN_HOURS_PRICE))
                .when(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnpaidBookingIsCancelledWithoutFeeOrRefund() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(aCancellation(), by(aMember(MIA)))
                .expectEvents(aBookingCancelled(aMember(MIA), BY_MEMBER, cents(0), cents(0)));
    }

    @Test
    void aConfirmedBookingIsCompletedWhenItsPeriodEnds() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .andGivenCommands(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .whenTimeAdvancesTo(AN_HOUR.end())
                .expectEvents(aReminder(), new BookingCompleted(BOOKING, DESK, CENTRAL, MIA));
    }

    @Test
    void confirmingABookingSchedulesItsReminderTheSpacesLeadBeforeItStarts() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .expectScheduledDeadlineWithName(AN_HOUR.start().minus(Duration.ofHours(24)), Booking.REMINDER);
    }

    @Test
    void theReminderFallsDueTheSpacesLeadBeforeTheStart() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .andGivenCommands(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .whenTimeAdvancesTo(AN_HOUR.start().minus(Duration.ofHours(24)))
                .expectEvents(aReminder());
    }

    @Test
    void aBookingConfirmedWithinTheLeadGetsNoReminder() {
        itIs(TWO_HOURS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .andGivenCommands(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .whenTimeAdvancesTo(AN_HOUR.start())
                .expectNoEvents();
    }

    @Test
    void aCancelledBookingIsNotReminded() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .andGivenCommands(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .andGivenCommands(
                        GenericCommandMessage.asCommandMessage(aCancellation()).andMetaData(by(aMember(MIA))))
                .whenTimeAdvancesTo(AN_HOUR.start())
                .expectNoEvents()
                .expectNoScheduledDeadlineWithName(AN_HOUR.start().minus(Duration.ofHours(24)), Booking.REMINDER);
    }

    private static ReminderFellDue aReminder() {
        return new ReminderFellDue(BOOKING, DESK, CENTRAL, MIA, AN_HOUR);
    }

    @Test
    void aBookingCancelledBeforeItsEndIsNotCompleted() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .andGivenCommands(new ConfirmPayment(BOOKING, "stripe", "pi_1"))
                .andGivenCommands(
                        GenericCommandMessage.asCommandMessage(aCancellation()).andMetaData(by(aMember(MIA))))
                .whenTimeAdvancesTo(AN_HOUR.end())
                .expectNoEvents();
    }

    @Test
    void theMemberAsksAgainWhatToPayForAnUnpaidBooking() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(new RequestPayment(BOOKING), by(aMember(MIA)))
                .expectNoEvents()
                .expectResultMessagePayload(new PaymentDue(MIA, AN_HOURS_PRICE));
    }

    @Test
    void anOccurrenceOfASeriesIsPaidWithItsSeriesNeverOnItsOwn() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(new BookingPlaced(
                        BOOKING,
                        DESK,
                        CENTRAL,
                        MIA,
                        AN_HOUR,
                        ZoneId.of("Europe/Amsterdam"),
                        AN_HOURS_PRICE,
                        CancellationPolicy.STANDARD,
                        new SeriesId("series-1")))
                .when(new RequestPayment(BOOKING), by(aMember(MIA)))
                .expectNoEvents()
                .expectException(refusedWith("PAID_WITH_ITS_SERIES"));
    }

    @Test
    void nobodyElseAsksForAMembersPayment() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced())
                .when(new RequestPayment(BOOKING), by(aMember(OTTO)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_BOOKING"));
    }

    @Test
    void aPaidBookingHasNothingMoreToPay() {
        itIs(TWO_DAYS_BEFORE_THE_START)
                .given(aBookingPlaced(), aBookingConfirmed())
                .when(new RequestPayment(BOOKING), by(aMember(MIA)))
                .expectNoEvents()
                .expectException(refusedWith("BOOKING_NOT_AWAITING_PAYMENT"));
    }

    private FixtureConfiguration<Booking> itIs(Instant now) {
        return fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }
}
