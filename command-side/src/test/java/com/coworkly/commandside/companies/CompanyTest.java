package com.coworkly.commandside.companies;

import com.coworkly.commandside.catalogue.KnownMembers;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.platform.security.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.coworkly.commandside.catalogue.Refused.refusedWith;

class CompanyTest {

    private static final CompanyId ACME = new CompanyId("company-acme");
    private static final CompanyId GLOBEX = new CompanyId("company-globex");
    private static final MemberId ANNA = new MemberId("member-anna");
    private static final MemberId BEN = new MemberId("member-ben");
    private static final Address ACME_HQ = new Address("Damrak 1", "1012 LG", "Amsterdam", "NL");
    private static final Actor ADMIN = new Actor("member-admin", Set.of(Role.ADMIN, Role.MEMBER));
    private static final Actor ANNA_ACTS = new Actor(ANNA.value(), Set.of(Role.MEMBER));
    private static final Actor BEN_ACTS = new Actor(BEN.value(), Set.of(Role.MEMBER));

    private final Map<MemberId, CompanyId> seats = new HashMap<>();
    private FixtureConfiguration<Company> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Company.class);
        fixture.registerInjectableResource((KnownMembers) member -> member.equals(ANNA) || member.equals(BEN));
        fixture.registerInjectableResource((CompanySeats) member -> Optional.ofNullable(seats.get(member)));
    }

    @Test
    void aCompanyIsRegisteredWithItsBillingDetails() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCompany(ACME, "Acme B.V.", ACME_HQ, "NL123456789B01"))
                .expectEvents(new CompanyRegistered(ACME, "Acme B.V.", ACME_HQ, "NL123456789B01"));
    }

    @Test
    void anAdministratorIsAppointedOnce() {
        fixture.given(registered(), new CompanyAdministratorAppointed(ACME, ANNA))
                .when(new AppointCompanyAdministrator(ACME, ANNA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownMemberIsNeitherAppointedNorAdded() {
        MemberId nobody = new MemberId("member-nobody");
        fixture.given(registered())
                .when(new AppointCompanyAdministrator(ACME, nobody))
                .expectNoEvents()
                .expectException(refusedWith("MEMBER_NOT_FOUND"));
        fixture.given(registered())
                .when(new AddCompanyMember(ACME, nobody), ActorMetaData.of(ADMIN))
                .expectNoEvents()
                .expectException(refusedWith("MEMBER_NOT_FOUND"));
    }

    @Test
    void removingAnUnknownMemberIsRefused() {
        fixture.given(registered())
                .when(new RemoveCompanyMember(ACME, new MemberId("member-nobody")), ActorMetaData.of(ADMIN))
                .expectNoEvents()
                .expectException(refusedWith("MEMBER_NOT_FOUND"));
    }

    @Test
    void theCompanysAdministratorAddsAndRemovesMembers() {
        fixture.given(registered(), new CompanyAdministratorAppointed(ACME, ANNA))
                .when(new AddCompanyMember(ACME, BEN), ActorMetaData.of(ANNA_ACTS))
                .expectEvents(new CompanyMemberAdded(ACME, BEN));
        fixture.given(registered(), new CompanyAdministratorAppointed(ACME, ANNA), new CompanyMemberAdded(ACME, BEN))
                .when(new RemoveCompanyMember(ACME, BEN), ActorMetaData.of(ANNA_ACTS))
                .expectEvents(new CompanyMemberRemoved(ACME, BEN));
    }

    @Test
    void aMemberWhoIsNoAdministratorOfTheCompanyChangesNoSeat() {
        fixture.given(registered(), new CompanyMemberAdded(ACME, BEN))
                .when(new AddCompanyMember(ACME, ANNA), ActorMetaData.of(BEN_ACTS))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_COMPANY"));
        fixture.given(registered(), new CompanyMemberAdded(ACME, BEN))
                .when(new RemoveCompanyMember(ACME, BEN), ActorMetaData.of(BEN_ACTS))
                .expectNoEvents()
                .expectException(refusedWith("NOT_YOUR_COMPANY"));
    }

    @Test
    void aMemberHoldsOneCompanysSeatAtMost() {
        seats.put(BEN, GLOBEX);
        fixture.given(registered())
                .when(new AddCompanyMember(ACME, BEN), ActorMetaData.of(ADMIN))
                .expectNoEvents()
                .expectException(refusedWith("MEMBER_IN_ANOTHER_COMPANY"));
    }

    @Test
    void addingAMemberTwiceOrRemovingOneWithoutASeatChangesNothing() {
        fixture.given(registered(), new CompanyMemberAdded(ACME, BEN))
                .when(new AddCompanyMember(ACME, BEN), ActorMetaData.of(ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered())
                .when(new RemoveCompanyMember(ACME, BEN), ActorMetaData.of(ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static CompanyRegistered registered() {
        return new CompanyRegistered(ACME, "Acme B.V.", ACME_HQ, null);
    }
}
