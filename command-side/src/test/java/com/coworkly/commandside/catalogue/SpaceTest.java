package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.BookingQuotasChanged;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.catalogue.LegalEntityAssigned;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.SpaceRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.coworkly.commandside.catalogue.CatalogueTestData.ALICE;
import static com.coworkly.commandside.catalogue.CatalogueTestData.BOB;
import static com.coworkly.commandside.catalogue.CatalogueTestData.CENTRAL;
import static com.coworkly.commandside.catalogue.CatalogueTestData.EUR;
import static com.coworkly.commandside.catalogue.CatalogueTestData.STRANGER;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aManager;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aRegisteredSpace;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aSpaceRegistration;
import static com.coworkly.commandside.catalogue.CatalogueTestData.anAddress;
import static com.coworkly.commandside.catalogue.CatalogueTestData.anAdmin;
import static com.coworkly.commandside.catalogue.CatalogueTestData.by;
import static com.coworkly.commandside.catalogue.Refused.refusedWith;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

class SpaceTest {

    private final KnownMembers onlyAlice = Set.of(ALICE)::contains;

    private static final LegalEntity CENTRAL_BV =
            new LegalEntity("Coworkly Central B.V.", anAddress(), "NL123456789B01", "KvK 12345678", "Within 14 days");

    private final SpaceDirectoryStub directory = new SpaceDirectoryStub();
    private FixtureConfiguration<Space> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Space.class);
        fixture.registerInjectableResource(onlyAlice);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void canRegisterASpace() {
        fixture.givenNoPriorActivity()
                .when(aSpaceRegistration(CENTRAL), by(anAdmin()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(aRegisteredSpace(CENTRAL));
    }

    @Test
    void aSpaceNumbersItsInvoicesWithTheFirstThreeLettersOfItsName() {
        fixture.givenNoPriorActivity()
                .when(aSpaceRegistration(CENTRAL), by(anAdmin()))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(invoicePrefix("CEN"), andNoMore())));
    }

    @Test
    void aSpaceWhoseNameStartsLikeAnEarlierOnesNumbersItsInvoicesInASeriesOfItsOwn() {
        directory.withInvoicePrefixTaken("CEN").withInvoicePrefixTaken("CEN2");

        fixture.givenNoPriorActivity()
                .when(aSpaceRegistration(CENTRAL), by(anAdmin()))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(invoicePrefix("CEN3"), andNoMore())));
    }

    @Test
    void canRegisterASpaceWithTheInvoicePrefixItAsksFor() {
        fixture.givenNoPriorActivity()
                .when(aSpaceRegistrationWithPrefix("AMC"), by(anAdmin()))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(invoicePrefix("AMC"), andNoMore())));
    }

    @Test
    void cannotTakeAnotherSpacesInvoicePrefix() {
        directory.withInvoicePrefixTaken("AMC");

        fixture.givenNoPriorActivity()
                .when(aSpaceRegistrationWithPrefix("AMC"), by(anAdmin()))
                .expectNoEvents()
                .expectException(refusedWith("INVOICE_PREFIX_TAKEN"));
    }

    @Test
    void canAssignTheLegalEntityThatSellsTheSpacesBookings() {
        fixture.given(aRegisteredSpace(CENTRAL))
                .when(new AssignLegalEntity(CENTRAL, CENTRAL_BV), by(anAdmin()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LegalEntityAssigned(CENTRAL, CENTRAL_BV));
    }

    @Test
    void assigningTheSameLegalEntityAgainChangesNothing() {
        fixture.given(aRegisteredSpace(CENTRAL), new LegalEntityAssigned(CENTRAL, CENTRAL_BV))
                .when(new AssignLegalEntity(CENTRAL, CENTRAL_BV), by(anAdmin()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canGrantAManagerToAKnownMember() {
        fixture.given(aRegisteredSpace(CENTRAL))
                .when(new GrantManager(CENTRAL, ALICE), by(anAdmin()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagerGranted(CENTRAL, ALICE));
    }

    @Test
    void grantingTheSameManagerTwiceChangesNothing() {
        fixture.given(aRegisteredSpace(CENTRAL), new ManagerGranted(CENTRAL, ALICE))
                .when(new GrantManager(CENTRAL, ALICE), by(anAdmin()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static RegisterSpace aSpaceRegistrationWithPrefix(String prefix) {
        RegisterSpace registration = aSpaceRegistration(CENTRAL);
        return new RegisterSpace(
                registration.spaceId(),
                registration.name(),
                registration.timeZone(),
                registration.currency(),
                registration.vatRatePercent(),
                registration.cancellationPolicy(),
                registration.address(),
                registration.reminderLead(),
                prefix);
    }

    private static Matcher<SpaceRegistered> invoicePrefix(String prefix) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(SpaceRegistered registered) {
                return prefix.equals(registered.invoicePrefix());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a space registered with invoice prefix " + prefix);
            }
        };
    }

    @Test
    void cannotGrantAnUnknownMember() {
        fixture.given(aRegisteredSpace(CENTRAL))
                .when(new GrantManager(CENTRAL, STRANGER), by(anAdmin()))
                .expectNoEvents()
                .expectException(refusedWith("MEMBER_NOT_FOUND"));
    }

    @Test
    void theSpacesManagerCapsWhatOneMemberBooksThereAndTheSameCapsAgainChangeNothing() {
        directory.withSpace(CENTRAL, EUR, ALICE);
        BookingQuotas tenHoursAWeek = new BookingQuotas(null, java.time.Duration.ofHours(10), null);
        fixture.given(aRegisteredSpace(CENTRAL))
                .when(new SetBookingQuotas(CENTRAL, tenHoursAWeek), by(aManager(ALICE)))
                .expectEvents(new BookingQuotasChanged(CENTRAL, tenHoursAWeek));
        fixture.given(aRegisteredSpace(CENTRAL), new BookingQuotasChanged(CENTRAL, tenHoursAWeek))
                .when(new SetBookingQuotas(CENTRAL, tenHoursAWeek), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheSpacesManagersAndAdministratorsSetItsQuotas() {
        directory.withSpace(CENTRAL, EUR, ALICE);
        fixture.given(aRegisteredSpace(CENTRAL))
                .when(new SetBookingQuotas(CENTRAL, BookingQuotas.NONE), by(aManager(BOB)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_MANAGER_OF_SPACE"));
    }
}
