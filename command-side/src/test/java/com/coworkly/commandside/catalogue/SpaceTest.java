package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.ManagerGranted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.coworkly.commandside.catalogue.CatalogueTestData.ALICE;
import static com.coworkly.commandside.catalogue.CatalogueTestData.CENTRAL;
import static com.coworkly.commandside.catalogue.CatalogueTestData.STRANGER;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aRegisteredSpace;
import static com.coworkly.commandside.catalogue.CatalogueTestData.aSpaceRegistration;
import static com.coworkly.commandside.catalogue.CatalogueTestData.anAdmin;
import static com.coworkly.commandside.catalogue.CatalogueTestData.by;
import static com.coworkly.commandside.catalogue.Refused.refusedWith;

class SpaceTest {

    private final KnownMembers onlyAlice = Set.of(ALICE)::contains;

    private FixtureConfiguration<Space> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Space.class);
        fixture.registerInjectableResource(onlyAlice);
    }

    @Test
    void canRegisterASpace() {
        fixture.givenNoPriorActivity()
                .when(aSpaceRegistration(CENTRAL), by(anAdmin()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(aRegisteredSpace(CENTRAL));
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

    @Test
    void cannotGrantAnUnknownMember() {
        fixture.given(aRegisteredSpace(CENTRAL))
                .when(new GrantManager(CENTRAL, STRANGER), by(anAdmin()))
                .expectNoEvents()
                .expectException(refusedWith("MEMBER_NOT_FOUND"));
    }
}
