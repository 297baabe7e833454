package com.coworkly.commandside.booking;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.invoicing.InvoiceKind;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static com.coworkly.commandside.booking.BookingTestData.ALICE;
import static com.coworkly.commandside.booking.BookingTestData.AN_HOUR;
import static com.coworkly.commandside.booking.BookingTestData.AN_HOURS_PRICE;
import static com.coworkly.commandside.booking.BookingTestData.BOOKING;
import static com.coworkly.commandside.booking.BookingTestData.CENTRAL;
import static com.coworkly.commandside.booking.BookingTestData.DESK;
import static com.coworkly.commandside.booking.BookingTestData.HALFWAY_THROUGH;
import static com.coworkly.commandside.booking.BookingTestData.MIA;
import static com.coworkly.commandside.booking.BookingTestData.TWO_DAYS_BEFORE_THE_START;
import static com.coworkly.commandside.booking.BookingTestData.TWO_HOURS_BEFORE_THE_START;
import static com.coworkly.commandside.booking.BookingTestData.aBookingConfirmed;
import static com.coworkly.commandside.booking.BookingTestData.aBookingPlaced;
import static com.coworkly.commandside.booking.BookingTestData.aManager;
import static com.coworkly.commandside.booking.BookingTestData.aMember;
import static com.coworkly.commandside.booking.BookingTestData.by;
import static com.coworkly.commandside.booking.BookingTestData.cents;
import static com.coworkly.commandside.booking.BookingTestData.followedBy;
import static com.coworkly.commandside.catalogue.Refused.refusedWith;
import static com.coworkly.events.booking.CancellationReason.BY_MEMBER;
import static com.coworkly.events.booking.CancellationReason.BY_STAFF;
import static com.coworkly.events.booking.CancellationReason.MAINTENANCE;

/**
 * What Mia's hour at Central decides when a maintenance block or its series asks (through {@link Bookings}): the
 * commands that only other commands send, judged at the instant the caller decided.
 */
class BookingDecidedByOtherCommandsTest {

    private FixtureConfiguration<Booking> fixture;

    @BeforeEach
    void setUp() {
        // The clock must not be what these commands read: they carry the caller's instant.
        fixture = BookingTestData.aBookingFixture()
                .registerInjectableResource(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    @Test
    void aMaintenanceBlockDisplacesAPaidBookingWithEverythingPaidBack() {
        fixture.given(aBookingPlaced(), aBookingConfirmed())
                .when(new DisplaceBooking(BOOKING, "maintenance", TWO_HOURS_BEFORE_THE_START), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(followedBy(
                        cancelled(aManager(ALICE).id(), MAINTENANCE, "maintenance", cents(0), AN_HOURS_PRICE),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE));
    }

    @Test
    void aMaintenanceBlockDisplacesAnUnpaidBookingWithoutRefund() {
        fixture.given(aBookingPlaced())
                .when(new DisplaceBooking(BOOKING, "maintenance", TWO_HOURS_BEFORE_THE_START), by(aManager(ALICE)))
                .expectEvents(cancelled(aManager(ALICE).id(), MAINTENANCE, "maintenance", cents(0), cents(0)));
    }

    @Test
    void cannotDisplaceABookingThatIsOver() {
        fixture.given(aBookingPlaced(), aBookingConfirmed())
                .when(new DisplaceBooking(BOOKING, "maintenance", AN_HOUR.end()), by(aManager(ALICE)))
                .expectNoEvents()
                .expectException(refusedWith("BOOKING_ALREADY_ENDED"));
    }

    @Test
    void anOccurrenceCancelledWithItsSeriesInsideTheLateWindowPaysTheLateFee() {
        fixture.given(aBookingPlaced(), aBookingConfirmed())
                .when(new CancelOccurrence(BOOKING, TWO_HOURS_BEFORE_THE_START), by(aMember(MIA)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(followedBy(
                        cancelled(MIA.value(), BY_MEMBER, null, cents(563), cents(562)),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE,
                        InvoiceKind.INVOICE,
                        cents(563)));
    }

    @Test
    void anOccurrenceCancelledWithItsSeriesBeforeTheLateWindowIsFree() {
        fixture.given(aBookingPlaced(), aBookingConfirmed())
                .when(new CancelOccurrence(BOOKING, TWO_DAYS_BEFORE_THE_START), by(aMember(MIA)))
                .expectEventsMatching(followedBy(
                        cancelled(MIA.value(), BY_MEMBER, null, cents(0), AN_HOURS_PRICE),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE));
    }

    @Test
    void anOccurrenceThatHasStartedStaysWhenItsMemberCancelsTheSeries() {
        fixture.given(aBookingPlaced(), aBookingConfirmed())
                .when(new CancelOccurrence(BOOKING, HALFWAY_THROUGH), by(aMember(MIA)))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void staffCancellingTheSeriesCancelAnOccurrenceThatHasStartedForFree() {
        fixture.given(aBookingPlaced(), aBookingConfirmed())
                .when(new CancelOccurrence(BOOKING, HALFWAY_THROUGH), by(aManager(ALICE)))
                .expectEventsMatching(followedBy(
                        cancelled(ALICE.value(), BY_STAFF, null, cents(0), AN_HOURS_PRICE),
                        InvoiceKind.CREDIT_NOTE,
                        AN_HOURS_PRICE));
    }

    @Test
    void anOccurrenceThatIsNoLongerLiveStaysAsItIs() {
        fixture.given(
                        aBookingPlaced(),
                        aBookingConfirmed(),
                        cancelled(MIA.value(), BY_MEMBER, null, cents(0), AN_HOURS_PRICE))
                .when(new CancelOccurrence(BOOKING, TWO_DAYS_BEFORE_THE_START), by(aMember(MIA)))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void anUnpaidOccurrenceOwesItsPriceToItsSeries() {
        fixture.given(aBookingPlaced())
                .when(new ShareOfSeriesPayment(BOOKING), by(aMember(MIA)))
                .expectNoEvents()
                .expectResultMessagePayload(new ShareOfSeriesPayment.Share(AN_HOURS_PRICE, AN_HOURS_PRICE));
    }

    @Test
    void aPaidOccurrenceOwesNothingMoreToItsSeries() {
        fixture.given(aBookingPlaced(), aBookingConfirmed())
                .when(new ShareOfSeriesPayment(BOOKING), by(aMember(MIA)))
                .expectNoEvents()
                .expectResultMessagePayload(new ShareOfSeriesPayment.Share(AN_HOURS_PRICE, cents(0)));
    }

    private static BookingCancelled cancelled(
            String by,
            com.coworkly.events.booking.CancellationReason reason,
            String note,
            com.coworkly.events.common.Money fee,
            com.coworkly.events.common.Money refund) {
        return new BookingCancelled(BOOKING, DESK, CENTRAL, MIA, AN_HOUR, by, reason, note, fee, refund);
    }
}
