package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.SpaceDirectoryStub;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.invoicing.InvoiceParties;
import com.coworkly.commandside.invoicing.Invoicing;
import com.coworkly.commandside.invoicing.NetworkSeller;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.invoicing.Buyer;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.platform.security.Role;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Named examples of bookings, so that each test shows only what its rule is about. Times are Amsterdam's. */
final class BookingTestData {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final Currency EUR = Currency.getInstance("EUR");

    static final SpaceId CENTRAL = new SpaceId("space-central");
    static final SpaceId HARBOUR = new SpaceId("space-harbour");
    static final ResourceId DESK = new ResourceId("resource-desk-1");
    static final BookingId BOOKING = new BookingId("booking-1");
    /** Books the desk. */
    static final MemberId MIA = new MemberId("member-mia");
    /** Another member, who has no part in Mia's booking. */
    static final MemberId OTTO = new MemberId("member-otto");
    /** Manages {@link #CENTRAL}. */
    static final MemberId ALICE = new MemberId("member-alice");
    /** Manages {@link #HARBOUR}. */
    static final MemberId BOB = new MemberId("member-bob");

    /** Euros, Amsterdam time, and the default 24-hour late window with a 50 % fee. */
    static final SpaceTerms CENTRAL_TERMS =
            new SpaceTerms(EUR, AMSTERDAM, CancellationPolicy.STANDARD, java.time.Duration.ofHours(24));

    /** Mia's booking: Tuesday 10 March 2026, ten to eleven, for EUR 11.25 (an odd price, so half a fee rounds). */
    /** The legal entity that sells Central's bookings; Harbour has none and no network seller is configured. */
    static final LegalEntity CENTRAL_BV = new LegalEntity(
            "Coworkly Central B.V.",
            new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
            "NL123456789B01",
            "KvK 12345678",
            null);

    static final Period AN_HOUR = between("2026-03-10T10:00", "2026-03-10T11:00");

    static final Money AN_HOURS_PRICE = cents(1125);
    static final Instant TWO_DAYS_BEFORE_THE_START = AN_HOUR.start().minus(java.time.Duration.ofDays(2));
    static final Instant TWO_HOURS_BEFORE_THE_START = AN_HOUR.start().minus(java.time.Duration.ofHours(2));
    static final Instant HALFWAY_THROUGH = AN_HOUR.start().plus(java.time.Duration.ofMinutes(30));

    private BookingTestData() {}

    /** The instant a wall clock in Amsterdam shows {@code localDateTime} (the earlier one, when clocks fall back). */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
    }

    static Period between(String localStart, String localEnd) {
        return new Period(at(localStart), at(localEnd));
    }

    static Money cents(long minorUnits) {
        return new Money(minorUnits, EUR);
    }

    static Money euros(long whole) {
        return cents(whole * 100);
    }

    static MetaData by(Actor actor) {
        return ActorMetaData.of(actor);
    }

    static Actor aMember(MemberId member) {
        return new Actor(member.value(), Set.of(Role.MEMBER));
    }

    static Actor aManager(MemberId member) {
        return new Actor(member.value(), Set.of(Role.MEMBER, Role.MANAGER));
    }

    static Actor anAdmin() {
        return new Actor("member-admin", Set.of(Role.ADMIN));
    }

    /** Mia books {@link #AN_HOUR} of the desk at Central under the standard cancellation policy. */
    static BookingPlaced aBookingPlaced() {
        return new BookingPlaced(
                BOOKING, DESK, CENTRAL, MIA, AN_HOUR, AMSTERDAM, AN_HOURS_PRICE, CancellationPolicy.STANDARD);
    }

    static BookingConfirmed aBookingConfirmed() {
        return new BookingConfirmed(BOOKING, DESK, CENTRAL, MIA);
    }

    static CancelBooking aCancellation() {
        return new CancelBooking(BOOKING, "plans changed");
    }

    /** What {@link #aCancellation()} of Mia's booking records. */
    static BookingCancelled aBookingCancelled(Actor by, CancellationReason reason, Money fee, Money refund) {
        return new BookingCancelled(
                BOOKING, DESK, CENTRAL, MIA, AN_HOUR, by.id(), reason, "plans changed", fee, refund);
    }

    /** Exactly {@code event}, then a document of each kind for the given amounts, in that order. */
    static Matcher<List<EventMessage<?>>> followedBy(Object event, Object... kindsAndAmounts) {
        List<Matcher<?>> matchers = new ArrayList<>();
        matchers.add(Matchers.equalTo(event));
        for (int i = 0; i < kindsAndAmounts.length; i += 2) {
            matchers.add(anInvoice((InvoiceKind) kindsAndAmounts[i], (Money) kindsAndAmounts[i + 1]));
        }
        matchers.add(Matchers.andNoMore());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Matcher<List<EventMessage<?>>> sequence =
                Matchers.payloadsMatching(Matchers.exactSequenceOf(matchers.toArray(new Matcher[0])));
        return sequence;
    }

    static Matcher<InvoiceIssued> anInvoice(InvoiceKind kind, Money gross) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvoiceIssued invoice) {
                return invoice.kind() == kind
                        && invoice.gross().equals(gross)
                        && invoice.bookingId().equals(BOOKING)
                        && invoice.net().minorUnits() + invoice.vat().minorUnits() == gross.minorUnits();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an " + kind + " of " + gross + " for the booking, net + VAT = gross");
            }
        };
    }

    /** Mia's desk at Central, managed by Alice; Harbour is Bob's. Invoices are numbered from 1. */
    static FixtureConfiguration<Booking> aBookingFixture() {
        return aBookingFixture(new RecordedCredits());
    }

    /** The same, with the credits its bookings give back recorded in {@code credits}. */
    static FixtureConfiguration<Booking> aBookingFixture(RecordedCredits credits) {
        return aBookingFixture(credits, new RecordedCharges());
    }

    /** The same, with the company bills its bookings reduce recorded in {@code charges}. */
    static FixtureConfiguration<Booking> aBookingFixture(RecordedCredits credits, RecordedCharges charges) {
        FixtureConfiguration<Booking> fixture = new AggregateTestFixture<>(Booking.class);
        fixture.registerInjectableResource(credits);
        fixture.registerInjectableResource(charges);
        SpaceDirectoryStub spaces = new SpaceDirectoryStub()
                .withSpace(CENTRAL, CENTRAL_TERMS, ALICE)
                .withSpace(HARBOUR, CENTRAL_TERMS, BOB)
                .withSeller(CENTRAL, CENTRAL_BV);
        AtomicLong numbers = new AtomicLong();
        fixture.registerInjectableResource(spaces);
        fixture.registerInjectableResource(new Invoicing(
                spaces,
                (prefix, year) -> "%s-%d-%06d".formatted(prefix, year, numbers.incrementAndGet()),
                new InvoiceParties() {
                    @Override
                    public Optional<Buyer> buyer(MemberId member) {
                        return Optional.of(new Buyer(member.equals(MIA) ? "Mia de Vries" : "Someone", null, null));
                    }

                    @Override
                    public Optional<Buyer> companyBuyer(CompanyId company) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> resourceName(ResourceId resource) {
                        return Optional.of(resource.equals(DESK) ? "Desk 1" : "Another desk");
                    }
                },
                NetworkSeller.NONE));
        return fixture;
    }
}
