package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.BookingPolicyChanged;
import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.BuffersChanged;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.ResourceRepriced;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SeatsChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.coworkly.commandside.catalogue.CatalogueTestData.ALICE;
import static com.coworkly.commandside.catalogue.CatalogueTestData.A_MORNING;
import static com.coworkly.commandside.catalogue.CatalogueTestData.BOB;
import static com.coworkly.commandside.catalogue.CatalogueTestData.CENTRAL;
import static com.coworkly.commandside.catalogue.CatalogueTestData.DESK;
import static com.coworkly.commandside.catalogue.CatalogueTestData.EUR;
import static com.coworkly.commandside.catalogue.CatalogueTestData.HARBOUR;
import static com.coworkly.commandside.catalogue.CatalogueTestData.NEW_CARPET;
import static com.coworkly.commandside.catalogue.CatalogueTestData.NOWHERE;
import static com.coworkly.commandside.catalogue.CatalogueTestData.UNKNOWN_BLOCK;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aBlockForANewCarpet;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aDeskDefinition;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aHalfHourlyPolicy;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aLongOpeningWeek;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aManager;
import static com.coworkly.commandside.catalogue.CatalogueTestData.anAdmin;
import static com.coworkly.commandside.catalogue.CatalogueTestData.by;
import static com.coworkly.commandside.catalogue.CatalogueTestData.dollars;
import static com.coworkly.commandside.catalogue.CatalogueTestData.euros;
import static com.coworkly.commandside.catalogue.Refused.refusedWith;

class ResourceTest {

    private FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
        fixture.registerInjectableResource(
                new SpaceDirectoryStub().withSpace(CENTRAL, EUR, ALICE).withSpace(HARBOUR, EUR, BOB));
    }

    @Test
    void canAddAResourceAsManagerOfTheSpace() {
        fixture.givenNoPriorActivity()
                .when(aDeskDefinition().toAdd(DESK, CENTRAL), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(aDeskDefinition().added(DESK, CENTRAL));
    }

    @Test
    void canAddAResourceAsAdmin() {
        fixture.givenNoPriorActivity()
                .when(aDeskDefinition().toAdd(DESK, CENTRAL), by(anAdmin()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(aDeskDefinition().added(DESK, CENTRAL));
    }

    @Test
    void cannotAddAResourceToAnotherManagersSpace() {
        fixture.givenNoPriorActivity()
                .when(aDeskDefinition().toAdd(DESK, HARBOUR), by(aManager(ALICE)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_MANAGER_OF_SPACE"));
    }

    @Test
    void cannotAddAResourceToAnUnknownSpace() {
        fixture.givenNoPriorActivity()
                .when(aDeskDefinition().toAdd(DESK, NOWHERE), by(anAdmin()))
                .expectNoEvents()
                .expectException(refusedWith("SPACE_NOT_FOUND"));
    }

    @Test
    void cannotPriceAResourceInAnotherCurrencyThanTheSpace() {
        fixture.givenNoPriorActivity()
                .when(aDeskDefinition().pricedAt(dollars(5)).toAdd(DESK, CENTRAL), by(aManager(ALICE)))
                .expectNoEvents()
                .expectException(refusedWith("CURRENCY_MISMATCH"));
    }

    @Test
    void cannotRepriceAResourceInAnotherCurrencyThanItsPrice() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(aDeskDefinition().pricedAt(dollars(5)).toRevise(DESK), by(aManager(ALICE)))
                .expectNoEvents()
                .expectException(refusedWith("CURRENCY_MISMATCH"));
    }

    @Test
    void revisingRecordsOnlyWhatChanged() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(aDeskDefinition().pricedAt(euros(7)).toRevise(DESK), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ResourceRepriced(DESK, CENTRAL, euros(7)));
    }

    @Test
    void revisingHoursAndPolicyRecordsBothAndNothingElse() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(
                        aDeskDefinition()
                                .openDuring(aLongOpeningWeek())
                                .bookedBy(aHalfHourlyPolicy())
                                .toRevise(DESK),
                        by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new OpeningHoursChanged(DESK, CENTRAL, aLongOpeningWeek()),
                        new BookingPolicyChanged(DESK, CENTRAL, aHalfHourlyPolicy()));
    }

    @Test
    void revisingTheDescriptionRecordsOnlyTheNewDescription() {
        ResourceDescription standingDesk = new ResourceDescription(ResourceKind.DESK, "Standing desk", 1);
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(aDeskDefinition().describedAs(standingDesk).toRevise(DESK), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ResourceDescriptionRevised(DESK, CENTRAL, standingDesk));
    }

    @Test
    void revisingWithTheSameDefinitionChangesNothing() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(aDeskDefinition().toRevise(DESK), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReviseAResourceOfAnotherManagersSpace() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(aDeskDefinition().pricedAt(euros(7)).toRevise(DESK), by(aManager(BOB)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_MANAGER_OF_SPACE"));
    }

    @Test
    void cannotReviseARetiredResource() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL), new ResourceRetired(DESK, CENTRAL))
                .when(aDeskDefinition().pricedAt(euros(7)).toRevise(DESK), by(aManager(ALICE)))
                .expectNoEvents()
                .expectException(refusedWith("RESOURCE_RETIRED"));
    }

    @Test
    void canRetireAResource() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(new RetireResource(DESK), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ResourceRetired(DESK, CENTRAL));
    }

    @Test
    void retiringTwiceChangesNothing() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL), new ResourceRetired(DESK, CENTRAL))
                .when(new RetireResource(DESK), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRetireAResourceOfAnotherManagersSpace() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(new RetireResource(DESK), by(aManager(BOB)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_MANAGER_OF_SPACE"));
    }

    @Test
    void canLiftABlock() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL), aBlockForANewCarpet())
                .when(new RemoveBlock(DESK, NEW_CARPET), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BlockRemoved(DESK, CENTRAL, NEW_CARPET, A_MORNING));
    }

    @Test
    void cannotLiftAnUnknownBlock() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL), aBlockForANewCarpet())
                .when(new RemoveBlock(DESK, UNKNOWN_BLOCK), by(aManager(ALICE)))
                .expectNoEvents()
                .expectException(refusedWith("BLOCK_NOT_FOUND"));
    }

    @Test
    void cannotLiftABlockThatWasLiftedAlready() {
        fixture.given(
                        aDeskDefinition().added(DESK, CENTRAL),
                        aBlockForANewCarpet(),
                        new BlockRemoved(DESK, CENTRAL, NEW_CARPET, A_MORNING))
                .when(new RemoveBlock(DESK, NEW_CARPET), by(aManager(ALICE)))
                .expectNoEvents()
                .expectException(refusedWith("BLOCK_NOT_FOUND"));
    }

    @Test
    void cannotLiftABlockOfAnotherManagersSpace() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL), aBlockForANewCarpet())
                .when(new RemoveBlock(DESK, NEW_CARPET), by(aManager(BOB)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_MANAGER_OF_SPACE"));
    }

    @Test
    void theSpacesManagerSetsTheBuffersAroundTheNextBookingsAndTheSameAgainChangesNothing() {
        Buffers cleaning = Buffers.ofMinutes(0, 15);
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(new SetBuffers(DESK, cleaning), by(aManager(ALICE)))
                .expectEvents(new BuffersChanged(DESK, CENTRAL, cleaning));
        fixture.given(aDeskDefinition().added(DESK, CENTRAL), new BuffersChanged(DESK, CENTRAL, cleaning))
                .when(new SetBuffers(DESK, cleaning), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void buffersAreSetOnlyByTheSpacesManagersOnALiveResource() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(new SetBuffers(DESK, Buffers.ofMinutes(15, 15)), by(aManager(BOB)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_MANAGER_OF_SPACE"));
        fixture.given(aDeskDefinition().added(DESK, CENTRAL), new ResourceRetired(DESK, CENTRAL))
                .when(new SetBuffers(DESK, Buffers.ofMinutes(15, 15)), by(aManager(ALICE)))
                .expectNoEvents()
                .expectException(refusedWith("RESOURCE_RETIRED"));
    }

    @Test
    void theSpacesManagerMakesTheResourceAPoolOfSeatsAndTheSameNumberAgainChangesNothing() {
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(new SetSeats(DESK, 12), by(aManager(ALICE)))
                .expectEvents(new SeatsChanged(DESK, CENTRAL, 12));
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(new SetSeats(DESK, 1), by(aManager(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(aDeskDefinition().added(DESK, CENTRAL))
                .when(new SetSeats(DESK, 12), by(aManager(BOB)))
                .expectNoEvents()
                .expectException(refusedWith("NOT_MANAGER_OF_SPACE"));
    }
}
