package com.coworkly.commandside.credits;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.credits.CreditsCarriedOver;
import com.coworkly.events.credits.CreditsGranted;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.credits.CreditsSpent;
import com.coworkly.events.credits.GrantShare;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.platform.axon.AxonStorageConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger is snapshotted (every placement of its member loads it): its snapshot, written and read by the event
 * store's own serializer, must restore every grant and what each booking took from which grant.
 */
class CreditAccountSnapshotTest {

    private static final CreditAccountId MIA = CreditAccountId.ofMember(new MemberId("member-mia"));
    private static final SpaceId CENTRAL = new SpaceId("space-central");
    private static final BookingId ROOM_AT_TEN = new BookingId("booking-room-at-ten");
    private static final BookingId ROOM_AT_TWO = new BookingId("booking-room-at-two");
    private static final Instant END_OF_JANUARY = Instant.parse("2027-01-31T23:00:00Z");
    private static final Instant END_OF_FEBRUARY = Instant.parse("2027-02-28T23:00:00Z");

    private final Serializer serializer = new AxonStorageConfiguration().eventSerializer();

    @Test
    void aSnapshotRestoresTheGrantsAndWhatEachBookingTook() {
        CreditAccount account = new CreditAccount();
        account.on(new CreditsGranted(
                MIA,
                "january",
                600,
                Set.of(ResourceKind.MEETING_ROOM),
                PlanCoverage.only(Set.of(CENTRAL)),
                END_OF_JANUARY,
                300));
        account.on(new CreditsGranted(
                MIA,
                "february",
                600,
                Set.of(ResourceKind.MEETING_ROOM, ResourceKind.DESK),
                PlanCoverage.network(),
                END_OF_FEBRUARY,
                0));
        account.on(new CreditsSpent(
                MIA, ROOM_AT_TEN, 90, List.of(new GrantShare("january", 60), new GrantShare("february", 30))));
        account.on(new CreditsSpent(MIA, ROOM_AT_TWO, 30, List.of(new GrantShare("february", 30))));
        account.on(new CreditsReturned(MIA, ROOM_AT_TWO, List.of(new GrantShare("february", 15)), List.of()));
        account.on(new CreditsCarriedOver(MIA, "january", 300, END_OF_JANUARY.plusSeconds(4 * 86400)));

        SerializedObject<String> snapshot = serializer.serialize(account, String.class);
        CreditAccount restored = serializer.deserialize(snapshot);

        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
        // Asked again for a booking it paid, the restored ledger answers what that booking still holds.
        Clock clock = Clock.fixed(END_OF_JANUARY.minusSeconds(86400), ZoneOffset.UTC);
        assertThat(restored.handle(new SpendCredits(MIA, ROOM_AT_TEN, 90, ResourceKind.MEETING_ROOM, CENTRAL), clock))
                .isEqualTo(90);
        assertThat(restored.handle(new SpendCredits(MIA, ROOM_AT_TWO, 30, ResourceKind.MEETING_ROOM, CENTRAL), clock))
                .isEqualTo(15);
    }
}
