package com.coworkly.commandside.credits;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.credits.CreditRolloverEnded;
import com.coworkly.events.credits.CreditsCarriedOver;
import com.coworkly.events.credits.CreditsExpired;
import com.coworkly.events.credits.CreditsGranted;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.credits.CreditsRolledOver;
import com.coworkly.events.credits.CreditsSpent;
import com.coworkly.events.credits.GrantShare;
import com.coworkly.events.membership.PlanCoverage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.hamcrest.Matchers.equalTo;

class CreditAccountTest {

    private static final CreditAccountId MIA = CreditAccountId.ofMember(new MemberId("member-mia"));
    private static final SpaceId CENTRAL = new SpaceId("space-central");
    private static final SpaceId SOUTH = new SpaceId("space-south");
    private static final BookingId ROOM_AT_TEN = new BookingId("booking-room-at-ten");
    private static final BookingId ROOM_AT_TWO = new BookingId("booking-room-at-two");
    private static final Instant JANUARY_10 = Instant.parse("2027-01-10T09:00:00Z");
    private static final Instant END_OF_JANUARY = Instant.parse("2027-01-31T23:00:00Z");
    private static final Instant END_OF_FEBRUARY = Instant.parse("2027-02-28T23:00:00Z");

    private FixtureConfiguration<CreditAccount> fixture;
    private final AtomicReference<Instant> now = new AtomicReference<>(JANUARY_10);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CreditAccount.class);
        fixture.registerInjectableResource(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
    }

    @Test
    void aGrantOpensTheLedgerAndExpiresAtItsEnd() {
        fixture.givenNoPriorActivity()
                .when(aGrant("january", 600, END_OF_JANUARY))
                .expectEvents(granted("january", 600, END_OF_JANUARY))
                .expectScheduledDeadlineWithName(END_OF_JANUARY, CreditAccount.GRANT_EXPIRY);
    }

    @Test
    void theSameGrantIsMadeOnce() {
        fixture.given(granted("january", 600, END_OF_JANUARY))
                .when(aGrant("january", 600, END_OF_JANUARY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBookingSpendsWhatItNeedsFromTheGrantThatExpiresFirst() {
        fixture.given(granted("february", 600, END_OF_FEBRUARY), granted("january", 600, END_OF_JANUARY))
                .when(aSpending(ROOM_AT_TEN, 90))
                .expectResultMessagePayload(90L)
                .expectEvents(new CreditsSpent(MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 90))));
    }

    @Test
    void aSpendingTakesNoMoreThanIsLeftSoTheBalanceNeverGoesBelowZero() {
        fixture.given(
                        granted("january", 120, END_OF_JANUARY),
                        new CreditsSpent(MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 90))))
                .when(aSpending(ROOM_AT_TWO, 60))
                .expectResultMessagePayload(30L)
                .expectEvents(new CreditsSpent(MIA, ROOM_AT_TWO, 30, List.of(new GrantShare("january", 30))));
    }

    @Test
    void anEmptyLedgerSpendsNothing() {
        fixture.given(
                        granted("january", 90, END_OF_JANUARY),
                        new CreditsSpent(MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 90))))
                .when(aSpending(ROOM_AT_TWO, 60))
                .expectResultMessagePayload(0L)
                .expectNoEvents();
    }

    @Test
    void aBookingSpendsOnceWhateverTheNumberOfTimesItAsks() {
        fixture.given(
                        granted("january", 600, END_OF_JANUARY),
                        new CreditsSpent(MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 90))))
                .when(aSpending(ROOM_AT_TEN, 90))
                .expectResultMessagePayload(90L)
                .expectNoEvents();
    }

    @Test
    void creditsAreSpentOnlyOnTheKindsAndSpacesTheirGrantCovers() {
        fixture.given(new CreditsGranted(
                        MIA, "january", 600, Set.of(ResourceKind.MEETING_ROOM), onlyCentral(), END_OF_JANUARY, 0))
                .when(new SpendCredits(MIA, ROOM_AT_TEN, 60, ResourceKind.DESK, CENTRAL))
                .expectResultMessagePayload(0L)
                .expectNoEvents();
        fixture.given(new CreditsGranted(
                        MIA, "january", 600, Set.of(ResourceKind.MEETING_ROOM), onlyCentral(), END_OF_JANUARY, 0))
                .when(new SpendCredits(MIA, ROOM_AT_TEN, 60, ResourceKind.MEETING_ROOM, SOUTH))
                .expectResultMessagePayload(0L)
                .expectNoEvents();
    }

    @Test
    void anExpiredGrantIsNotSpent() {
        itIs(END_OF_JANUARY);
        fixture.given(granted("january", 600, END_OF_JANUARY))
                .when(aSpending(ROOM_AT_TEN, 60))
                .expectResultMessagePayload(0L)
                .expectNoEvents();
    }

    @Test
    void aSpendingAcrossGrantsTakesFromEach() {
        fixture.given(granted("january", 30, END_OF_JANUARY), granted("february", 600, END_OF_FEBRUARY))
                .when(aSpending(ROOM_AT_TEN, 90))
                .expectEvents(new CreditsSpent(
                        MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 30), new GrantShare("february", 60))));
    }

    @Test
    void aReturnGoesBackToTheGrantThatExpiresLastFirst() {
        fixture.given(
                        granted("january", 30, END_OF_JANUARY),
                        granted("february", 600, END_OF_FEBRUARY),
                        new CreditsSpent(
                                MIA,
                                ROOM_AT_TEN,
                                90,
                                List.of(new GrantShare("january", 30), new GrantShare("february", 60))))
                .when(new ReturnCredits(MIA, ROOM_AT_TEN, 45))
                .expectEvents(
                        new CreditsReturned(MIA, ROOM_AT_TEN, List.of(new GrantShare("february", 45)), List.of()));
    }

    @Test
    void noMoreIsReturnedThanTheBookingSpent() {
        fixture.given(
                        granted("january", 600, END_OF_JANUARY),
                        new CreditsSpent(MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 90))),
                        new CreditsReturned(MIA, ROOM_AT_TEN, List.of(new GrantShare("january", 45)), List.of()))
                .when(new ReturnCredits(MIA, ROOM_AT_TEN, 90))
                .expectEvents(new CreditsReturned(MIA, ROOM_AT_TEN, List.of(new GrantShare("january", 45)), List.of()));
    }

    @Test
    void aBookingThatSpentNothingReturnsNothing() {
        fixture.given(granted("january", 600, END_OF_JANUARY))
                .when(new ReturnCredits(MIA, ROOM_AT_TEN, 90))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void whatBelongsToAnExpiredGrantIsForfeited() {
        itIs(END_OF_JANUARY.plusSeconds(60));
        fixture.given(
                        granted("january", 600, END_OF_JANUARY),
                        new CreditsSpent(MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 90))))
                .when(new ReturnCredits(MIA, ROOM_AT_TEN, 90))
                .expectEvents(new CreditsReturned(MIA, ROOM_AT_TEN, List.of(), List.of(new GrantShare("january", 90))));
    }

    @Test
    void whatIsLeftOfAGrantExpiresOnceAtItsEnd() {
        fixture.given()
                .andGivenCommands(aGrant("january", 600, END_OF_JANUARY))
                .andGivenCommands(aSpending(ROOM_AT_TEN, 90))
                .whenTimeAdvancesTo(END_OF_JANUARY)
                .expectEvents(new CreditsExpired(MIA, "january", 510));
    }

    @Test
    void aGrantSpentInFullLeavesNothingToExpire() {
        fixture.given()
                .andGivenCommands(aGrant("january", 90, END_OF_JANUARY))
                .andGivenCommands(aSpending(ROOM_AT_TEN, 90))
                .whenTimeAdvancesTo(END_OF_JANUARY)
                .expectNoEvents();
    }

    @Test
    void aLedgerReplaysToTheBalanceItDecidedWith() {
        fixture.given(
                        granted("january", 120, END_OF_JANUARY),
                        new CreditsSpent(MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 90))),
                        new CreditsReturned(MIA, ROOM_AT_TEN, List.of(new GrantShare("january", 45)), List.of()))
                .when(aSpending(ROOM_AT_TWO, 600))
                .expectResultMessagePayloadMatching(equalTo(75L));
    }

    @Test
    void aGrantThatRollsOverAlsoKeepsADeadlineForWhatItWillCarry() {
        fixture.givenNoPriorActivity()
                .when(aGrantRollingOver("january", 600, END_OF_JANUARY, 300))
                .expectEvents(grantedRollingOver("january", 600, END_OF_JANUARY, 300))
                .expectScheduledDeadlineWithName(END_OF_JANUARY, CreditAccount.GRANT_EXPIRY)
                .expectScheduledDeadlineWithName(
                        END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT), CreditAccount.CARRY_EXPIRY);
    }

    @Test
    void atItsEndUpToTheCapWaitsForTheNextPeriodAndTheRestExpires() {
        fixture.given()
                .andGivenCommands(aGrantRollingOver("january", 600, END_OF_JANUARY, 300))
                .andGivenCommands(aSpending(ROOM_AT_TEN, 90))
                .whenTimeAdvancesTo(END_OF_JANUARY)
                .expectEvents(
                        new CreditsExpired(MIA, "january", 210),
                        new CreditsCarriedOver(MIA, "january", 300, END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT)));
    }

    @Test
    void lessThanTheCapCarriesOverWhole() {
        fixture.given()
                .andGivenCommands(aGrantRollingOver("january", 600, END_OF_JANUARY, 300))
                .andGivenCommands(aSpending(ROOM_AT_TEN, 500))
                .whenTimeAdvancesTo(END_OF_JANUARY)
                .expectEvents(
                        new CreditsCarriedOver(MIA, "january", 100, END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT)));
    }

    @Test
    void carriedMinutesRollIntoTheNextPeriodsGrant() {
        itIs(END_OF_JANUARY.plusSeconds(3600));
        fixture.given(
                        grantedRollingOver("january", 600, END_OF_JANUARY, 300),
                        new CreditsExpired(MIA, "january", 300),
                        new CreditsCarriedOver(MIA, "january", 300, END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT)))
                .when(aGrantRollingOver("february", 600, END_OF_FEBRUARY, 300))
                .expectEvents(
                        grantedRollingOver("february", 600, END_OF_FEBRUARY, 300),
                        new CreditsRolledOver(MIA, "january", "february", 300));
    }

    @Test
    void aRenewalGrantedBeforeThePeriodsEndTakesTheRolloverAtTheEnd() {
        fixture.given()
                .andGivenCommands(aGrantRollingOver("january", 600, END_OF_JANUARY, 300))
                .andGivenCommands(aGrantRollingOver("february", 600, END_OF_FEBRUARY, 300))
                .whenTimeAdvancesTo(END_OF_JANUARY)
                .expectEvents(
                        new CreditsExpired(MIA, "january", 300),
                        new CreditsRolledOver(MIA, "january", "february", 300));
    }

    @Test
    void rolledOverMinutesAreSpentWithTheGrantTheyRolledInto() {
        itIs(END_OF_JANUARY.plusSeconds(3600));
        fixture.given(
                        grantedRollingOver("january", 600, END_OF_JANUARY, 300),
                        new CreditsExpired(MIA, "january", 300),
                        grantedRollingOver("february", 60, END_OF_FEBRUARY, 300),
                        new CreditsRolledOver(MIA, "january", "february", 300))
                .when(aSpending(ROOM_AT_TEN, 600))
                .expectEvents(new CreditsSpent(MIA, ROOM_AT_TEN, 360, List.of(new GrantShare("february", 360))));
    }

    @Test
    void carriedMinutesAreSpendableWhileTheyWait() {
        itIs(END_OF_JANUARY.plusSeconds(3600));
        fixture.given(
                        grantedRollingOver("january", 600, END_OF_JANUARY, 300),
                        new CreditsExpired(MIA, "january", 300),
                        new CreditsCarriedOver(MIA, "january", 300, END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT)))
                .when(aSpending(ROOM_AT_TEN, 60))
                .expectEvents(new CreditsSpent(MIA, ROOM_AT_TEN, 60, List.of(new GrantShare("january", 60))));
    }

    @Test
    void carriedMinutesThatNoNextPeriodTookExpireOnce() {
        fixture.given()
                .andGivenCommands(aGrantRollingOver("january", 600, END_OF_JANUARY, 300))
                .whenTimeAdvancesTo(
                        END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT).plusSeconds(1))
                .expectEvents(
                        new CreditsExpired(MIA, "january", 300),
                        new CreditsCarriedOver(MIA, "january", 300, END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT)),
                        new CreditsExpired(MIA, "january", 300));
    }

    @Test
    void endingTheRolloverExpiresWhatWaits() {
        itIs(END_OF_JANUARY.plusSeconds(3600));
        fixture.given(
                        grantedRollingOver("january", 600, END_OF_JANUARY, 300),
                        new CreditsExpired(MIA, "january", 300),
                        new CreditsCarriedOver(MIA, "january", 300, END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT)))
                .when(new EndRollover(MIA, "membership ended"))
                .expectEvents(
                        new CreditRolloverEnded(MIA, "membership ended"), new CreditsExpired(MIA, "january", 300));
    }

    @Test
    void aGrantWhoseRolloverEndedExpiresWholeAtItsEnd() {
        fixture.given()
                .andGivenCommands(aGrantRollingOver("january", 600, END_OF_JANUARY, 300))
                .andGivenCommands(new EndRollover(MIA, "membership cancelled"))
                .whenTimeAdvancesTo(
                        END_OF_JANUARY.plus(CreditAccount.CARRY_WAIT).plusSeconds(1))
                .expectEvents(new CreditsExpired(MIA, "january", 600));
    }

    @Test
    void endingARolloverThatIsNotThereChangesNothing() {
        fixture.given(granted("january", 600, END_OF_JANUARY), new CreditRolloverEnded(MIA, "membership cancelled"))
                .when(new EndRollover(MIA, "membership ended"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private void itIs(Instant instant) {
        now.set(instant);
    }

    private static GrantCredits aGrant(String grantId, long minutes, Instant expiresAt) {
        return aGrantRollingOver(grantId, minutes, expiresAt, 0);
    }

    private static GrantCredits aGrantRollingOver(String grantId, long minutes, Instant expiresAt, long cap) {
        return new GrantCredits(
                MIA, grantId, minutes, Set.of(ResourceKind.MEETING_ROOM), PlanCoverage.network(), expiresAt, cap);
    }

    private static CreditsGranted granted(String grantId, long minutes, Instant expiresAt) {
        return grantedRollingOver(grantId, minutes, expiresAt, 0);
    }

    private static CreditsGranted grantedRollingOver(String grantId, long minutes, Instant expiresAt, long cap) {
        return new CreditsGranted(
                MIA, grantId, minutes, Set.of(ResourceKind.MEETING_ROOM), PlanCoverage.network(), expiresAt, cap);
    }

    private static SpendCredits aSpending(BookingId booking, long minutes) {
        return new SpendCredits(MIA, booking, minutes, ResourceKind.MEETING_ROOM, CENTRAL);
    }

    private static PlanCoverage onlyCentral() {
        return PlanCoverage.only(Set.of(CENTRAL));
    }
}
