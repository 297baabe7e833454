package com.coworkly.commandside.demo;

import com.coworkly.commandside.catalogue.AddResource;
import com.coworkly.commandside.catalogue.AssignLegalEntity;
import com.coworkly.commandside.catalogue.GrantManager;
import com.coworkly.commandside.catalogue.RegisterSpace;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.identity.NetworkRoles;
import com.coworkly.commandside.identity.Password;
import com.coworkly.commandside.identity.RegisterMember;
import com.coworkly.commandside.memberships.RecordPeriodPaid;
import com.coworkly.commandside.memberships.Subscribe;
import com.coworkly.commandside.plans.DefinePlan;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Seeds a small demo network through the same commands the API sends, once: a space in Amsterdam with desks
 * and a meeting room, two membership plans, one account per role, and the demo member on the first plan with a
 * month of credits. It prints the credentials, which are for demos only.
 */
@Component
@ConditionalOnProperty(name = "booking.demo.enabled", havingValue = "true")
class DemoNetwork {

    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);
    private static final Actor SEEDER = Actor.system("demo-seed");

    record DemoAccount(String email, String name, String password, Role role) {}

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin@demo.coworkly.test", "Ada Admin", "admin-demo-password", Role.ADMIN),
            new DemoAccount("manager@demo.coworkly.test", "Max Manager", "manager-demo-password", Role.MANAGER),
            new DemoAccount("member@demo.coworkly.test", "Mia Member", "member-demo-password", Role.MEMBER),
            new DemoAccount("operator@demo.coworkly.test", "Oscar Operator", "operator-demo-password", Role.OPERATOR));

    private final CommandGateway commands;
    private final NetworkRoles roles;
    private final Clock clock;

    DemoNetwork(CommandGateway commands, NetworkRoles roles, Clock clock) {
        this.commands = commands;
        this.roles = roles;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (roles.memberWithEmail(ACCOUNTS.get(0).email()).isEmpty()) {
            seedNetwork();
        }
        log.info("Demo network ready. Demo credentials (username / password):");
        ACCOUNTS.forEach(account -> log.info("  {}  {} / {}", account.role(), account.email(), account.password()));
    }

    private void seedNetwork() {
        ACCOUNTS.forEach(account -> {
            MemberId member = MemberId.random();
            send(new RegisterMember(member, account.email(), account.name(), new Password(account.password())));
            if (account.role() == Role.ADMIN || account.role() == Role.OPERATOR) {
                roles.grant(member, account.role());
            }
        });
        SpaceId space = SpaceId.random();
        send(new RegisterSpace(
                space,
                "Amsterdam Central",
                ZoneId.of("Europe/Amsterdam"),
                Currency.getInstance("EUR"),
                new BigDecimal("21"),
                CancellationPolicy.STANDARD,
                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                SpaceRegistered.DEFAULT_REMINDER_LEAD,
                null));
        // A made-up seller, so that the demo's invoices show what a real one prints (decision 37).
        send(new AssignLegalEntity(
                space,
                new LegalEntity(
                        "Coworkly Demo B.V.",
                        new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                        "NL000099998B57",
                        "KvK 00000000",
                        "Paid when booked")));
        send(new GrantManager(
                space, roles.memberWithEmail(ACCOUNTS.get(1).email()).orElseThrow()));
        WeeklyOpeningHours weekdays = new WeeklyOpeningHours(Arrays.stream(DayOfWeek.values())
                .filter(day -> day.getValue() <= 5)
                .map(day -> new OpeningWindow(day, LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .toList());
        for (int desk = 1; desk <= 3; desk++) {
            send(new AddResource(
                    ResourceId.random(),
                    space,
                    new ResourceDescription(ResourceKind.DESK, "Desk " + desk, 1),
                    Money.of(600, "EUR"),
                    weekdays,
                    new BookingPolicy(
                            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(10), Duration.ofDays(90))));
        }
        send(new AddResource(
                ResourceId.random(),
                space,
                new ResourceDescription(ResourceKind.MEETING_ROOM, "Canal Room", 8),
                Money.of(4500, "EUR"),
                weekdays,
                new BookingPolicy(
                        Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofDays(60))));
        PlanId flex = seedPlans(space);
        seedMembership(flex);
        log.info(
                "Seeded the demo network: space {} with 4 resources, 2 membership plans, and the demo member on Flex",
                space);
    }

    /** What a small network sells: room hours in the one space, and a resident's desk time anywhere. */
    private PlanId seedPlans(SpaceId space) {
        PlanId flex = PlanId.random();
        send(new DefinePlan(
                flex,
                new PlanTerms(
                        "Flex",
                        Money.of(9900, "EUR"),
                        CreditAllowance.of(Duration.ofHours(10), Set.of(ResourceKind.MEETING_ROOM)),
                        CreditRollover.upTo(Duration.ofHours(5).toMinutes()),
                        PlanCoverage.only(Set.of(space)),
                        false)));
        send(new DefinePlan(
                PlanId.random(),
                new PlanTerms(
                        "Resident",
                        Money.of(24900, "EUR"),
                        CreditAllowance.of(Duration.ofHours(80), Set.of(ResourceKind.DESK, ResourceKind.MEETING_ROOM)),
                        CreditRollover.NONE,
                        PlanCoverage.network(),
                        false)));
        return flex;
    }

    /**
     * The demo member on "Flex", its first month paid by the seeding itself (no payment provider is asked): 10
     * meeting-room hours of credits, until a month from the seeding.
     */
    private void seedMembership(PlanId flex) {
        MemberId member = roles.memberWithEmail(ACCOUNTS.get(2).email()).orElseThrow();
        MembershipId membership = MembershipId.random();
        send(new Subscribe(membership, member, flex));
        ZonedDateTime now = clock.instant().atZone(ZoneId.of("Europe/Amsterdam"));
        send(new RecordPeriodPaid(
                membership,
                "demo-seed",
                "demo-seed-" + membership,
                new Period(now.toInstant(), now.plusMonths(1).toInstant()),
                Money.of(9900, "EUR")));
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetaData.of(SEEDER)));
    }
}
