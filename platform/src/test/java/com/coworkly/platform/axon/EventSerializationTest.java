package com.coworkly.platform.axon;

import com.coworkly.events.booking.BookingBilledToCompany;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingEvent;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPaidFromCompanyPool;
import com.coworkly.events.booking.BookingPaidWithCredits;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.BookingSeriesCancelled;
import com.coworkly.events.booking.BookingSeriesEvent;
import com.coworkly.events.booking.BookingSeriesPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.booking.LatePaymentReceived;
import com.coworkly.events.booking.PaymentRequested;
import com.coworkly.events.booking.RefundIssued;
import com.coworkly.events.booking.ReminderFellDue;
import com.coworkly.events.booking.SeriesOccurrence;
import com.coworkly.events.booking.SkippedOccurrence;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.BookingPolicyChanged;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.BookingQuotasChanged;
import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.BuffersChanged;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.catalogue.LegalEntityAssigned;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceEvent;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.ResourceRepriced;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SeatsChanged;
import com.coworkly.events.catalogue.SpaceEvent;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SeriesId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyEvent;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import com.coworkly.events.company.CompanyPlanCancelled;
import com.coworkly.events.company.CompanyPlanEnded;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.company.CompanyPlanSubscribed;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.events.companybilling.CompanyBillClosed;
import com.coworkly.events.companybilling.CompanyBillEvent;
import com.coworkly.events.companybilling.CompanyBillOpened;
import com.coworkly.events.companybilling.CompanyBookingCharged;
import com.coworkly.events.companybilling.CompanyChargeReduced;
import com.coworkly.events.companybilling.CompanyFeeCharged;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.credits.CreditEvent;
import com.coworkly.events.credits.CreditRolloverEnded;
import com.coworkly.events.credits.CreditsCarriedOver;
import com.coworkly.events.credits.CreditsExpired;
import com.coworkly.events.credits.CreditsGranted;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.credits.CreditsRolledOver;
import com.coworkly.events.credits.CreditsSpent;
import com.coworkly.events.credits.GrantShare;
import com.coworkly.events.identity.MemberEvent;
import com.coworkly.events.identity.MemberRegistered;
import com.coworkly.events.invoicing.Buyer;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import com.coworkly.events.invoicing.InvoicingEvent;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipEvent;
import com.coworkly.events.membership.MembershipPaymentFailed;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSubscriptionOpened;
import com.coworkly.events.membership.MembershipSuspended;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanEvent;
import com.coworkly.events.membership.PlanRetired;
import com.coworkly.events.membership.PlanRevised;
import com.coworkly.events.membership.PlanTerms;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are stored once and read for ever, by both services: every published event must come back from the
 * event store exactly as it went in, in the shape the projections and upcasters expect.
 */
class EventSerializationTest {

    private static final SpaceId SPACE = new SpaceId("space-central");
    private static final ResourceId RESOURCE = new ResourceId("resource-desk-1");
    private static final MemberId MEMBER = new MemberId("member-alice");
    private static final MembershipId MEMBERSHIP = new MembershipId("membership-1");
    private static final PlanId PLAN = new PlanId("plan-flex");
    private static final CreditAccountId CREDITS = CreditAccountId.ofMember(new MemberId("member-alice"));
    private static final BookingId BOOKING = new BookingId("booking-1");
    private static final SeriesId SERIES = new SeriesId("series-1");
    private static final BlockId BLOCK = new BlockId("block-1");
    private static final Period A_MORNING =
            new Period(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"));

    private static final CompanyId COMPANY = new CompanyId("company-acme");
    private final Serializer eventSerializer = new AxonStorageConfiguration().eventSerializer();
    private final Serializer serializer = new AxonStorageConfiguration().serializer();

    static Stream<Object> everyEvent() {
        return Stream.of(
                aSpaceRegistered(),
                new ManagerGranted(SPACE, MEMBER),
                new LegalEntityAssigned(SPACE, aLegalEntity()),
                new BookingQuotasChanged(SPACE, new BookingQuotas(Duration.ofHours(2), null, Duration.ofHours(40))),
                aResourceAdded(),
                new ResourceDescriptionRevised(
                        RESOURCE, SPACE, new ResourceDescription(ResourceKind.MEETING_ROOM, "Boardroom", 12)),
                new ResourceRepriced(RESOURCE, SPACE, Money.of(1250, "EUR")),
                new OpeningHoursChanged(RESOURCE, SPACE, anOpeningWeek()),
                new BookingPolicyChanged(RESOURCE, SPACE, anHourlyPolicy()),
                new BuffersChanged(RESOURCE, SPACE, Buffers.ofMinutes(15, 30)),
                new SeatsChanged(RESOURCE, SPACE, 24),
                new ResourceRetired(RESOURCE, SPACE),
                new ResourceBlocked(RESOURCE, SPACE, BLOCK, A_MORNING, "New carpet"),
                new BlockRemoved(RESOURCE, SPACE, BLOCK, A_MORNING),
                new MemberRegistered(MEMBER, "alice@example.org", "Alice"),
                new BookingPaidWithCredits(BOOKING, MEMBER, 90, Money.of(1800, "EUR"), Money.of(900, "EUR")),
                new PlanDefined(PLAN, aPlan(PlanCoverage.network())),
                new PlanRevised(PLAN, 2, aPlan(PlanCoverage.only(Set.of(SPACE)))),
                new PlanRetired(PLAN),
                new MembershipRequested(MEMBERSHIP, MEMBER, PLAN, 1, aPlan(PlanCoverage.network())),
                new MembershipSubscriptionOpened(MEMBERSHIP, MEMBER, "stripe", "sub_123", "si_123"),
                new MembershipPeriodPaid(
                        MEMBERSHIP, MEMBER, "stripe", "in_123", A_MORNING, Money.of(9900, "EUR"), 1, 600),
                new MembershipPaymentFailed(MEMBERSHIP, MEMBER, "in_124", Instant.parse("2027-01-04T09:00:00Z")),
                new MembershipSuspended(MEMBERSHIP, MEMBER, "in_124"),
                new MembershipPlanChangeScheduled(
                        MEMBERSHIP, MEMBER, new PlanId("plan-resident"), Instant.parse("2027-02-01T09:00:00Z")),
                new MembershipPlanChanged(
                        MEMBERSHIP, MEMBER, PLAN, new PlanId("plan-resident"), 2, aPlan(PlanCoverage.network())),
                new MembershipCancellationScheduled(MEMBERSHIP, MEMBER, Instant.parse("2027-02-01T09:00:00Z")),
                new MembershipEnded(MEMBERSHIP, MEMBER, "cancelled by the member"),
                new CreditsGranted(
                        CREDITS,
                        "grant-january",
                        600,
                        Set.of(ResourceKind.MEETING_ROOM),
                        PlanCoverage.only(Set.of(SPACE)),
                        Instant.parse("2027-01-31T23:00:00Z"),
                        300),
                new CreditsSpent(CREDITS, BOOKING, 90, List.of(new GrantShare("grant-january", 90))),
                new CreditsReturned(
                        CREDITS,
                        BOOKING,
                        List.of(new GrantShare("grant-january", 45)),
                        List.of(new GrantShare("grant-december", 15))),
                new CreditsExpired(CREDITS, "grant-january", 510),
                new CreditsCarriedOver(CREDITS, "grant-january", 300, Instant.parse("2027-02-04T23:00:00Z")),
                new CreditsRolledOver(CREDITS, "grant-january", "grant-february", 300),
                new CreditRolloverEnded(CREDITS, "membership cancelled"),
                new CompanyRegistered(
                        COMPANY, "Acme B.V.", new Address("Damrak 1", "1012 LG", "Amsterdam", "NL"), "NL123456789B01"),
                new CompanyAdministratorAppointed(COMPANY, MEMBER),
                new CompanyMemberAdded(COMPANY, MEMBER),
                new CompanyMemberRemoved(COMPANY, MEMBER),
                new CompanyPlanSubscribed(
                        COMPANY,
                        PLAN,
                        1,
                        aPlan(PlanCoverage.network()),
                        SPACE,
                        ZoneId.of("Europe/Amsterdam"),
                        Instant.parse("2026-12-01T08:00:00Z")),
                new CompanyPlanPeriodStarted(
                        COMPANY,
                        PLAN,
                        1,
                        1,
                        A_MORNING,
                        3,
                        Money.of(29700, "EUR"),
                        1800,
                        "company-acme-plan-1-period-1"),
                new CompanyPlanCancelled(COMPANY, Instant.parse("2027-01-01T08:00:00Z")),
                new CompanyPlanEnded(COMPANY, PLAN, Instant.parse("2027-01-01T08:00:00Z")),
                new BookingPaidFromCompanyPool(BOOKING, MEMBER, COMPANY, 60),
                new BookingBilledToCompany(BOOKING, COMPANY, MEMBER, "bill-1", Money.of(1800, "EUR")),
                new CompanyBillOpened(
                        "bill-1",
                        COMPANY,
                        SPACE,
                        "2026-12",
                        ZoneId.of("Europe/Amsterdam"),
                        Instant.parse("2026-12-31T23:00:00Z")),
                new CompanyBookingCharged(
                        "bill-1",
                        BOOKING,
                        MEMBER,
                        RESOURCE,
                        "2026-12-07 09:00–11:00 (Europe/Amsterdam)",
                        LocalDate.of(2026, 12, 7),
                        Money.of(1800, "EUR")),
                new CompanyFeeCharged(
                        "bill-1",
                        "company-acme-plan-1-period-1",
                        "Plan Flex, 3 seats, 2026-12-01 to 2026-12-31",
                        LocalDate.of(2026, 12, 1),
                        Money.of(29700, "EUR")),
                new CompanyChargeReduced("bill-1", BOOKING, Money.of(900, "EUR")),
                new CompanyBillClosed("bill-1", COMPANY, "invoice-3"),
                new InvoiceIssued(
                        null,
                        "invoice-3",
                        InvoiceKind.INVOICE,
                        "AMS-2027-000001",
                        SPACE,
                        null,
                        LocalDate.of(2027, 1, 1),
                        new BigDecimal("21.00"),
                        List.of(new InvoiceLine(
                                "Late cancellation fee: booking of Window desk, 2026-12-07 09:00–11:00",
                                Money.of(744, "EUR"),
                                Money.of(156, "EUR"),
                                Money.of(900, "EUR"),
                                1,
                                Money.of(744, "EUR"),
                                LocalDate.of(2026, 12, 7),
                                BOOKING)),
                        Money.of(744, "EUR"),
                        Money.of(156, "EUR"),
                        Money.of(900, "EUR"),
                        null,
                        null,
                        new Buyer("Acme B.V.", new Address("Damrak 1", "1012 LG", "Amsterdam", "NL"), "NL123456789B01"),
                        null,
                        COMPANY),
                new BookingPlaced(
                        BOOKING,
                        RESOURCE,
                        SPACE,
                        MEMBER,
                        A_MORNING,
                        ZoneId.of("Europe/Amsterdam"),
                        Money.of(1800, "EUR"),
                        CancellationPolicy.STANDARD),
                new PaymentRequested(BOOKING, "stripe", "pi_123", Money.of(1800, "EUR")),
                new BookingConfirmed(BOOKING, RESOURCE, SPACE, MEMBER),
                new BookingCancelled(
                        BOOKING,
                        RESOURCE,
                        SPACE,
                        MEMBER,
                        A_MORNING,
                        MEMBER.value(),
                        CancellationReason.BY_MEMBER,
                        "Plans changed",
                        Money.of(900, "EUR"),
                        Money.of(900, "EUR")),
                new BookingExpired(BOOKING, RESOURCE, SPACE, MEMBER, A_MORNING, "payment hold ran out"),
                new BookingCompleted(BOOKING, RESOURCE, SPACE, MEMBER),
                new ReminderFellDue(BOOKING, RESOURCE, SPACE, MEMBER, A_MORNING),
                new BookingPlaced(
                        BOOKING,
                        RESOURCE,
                        SPACE,
                        MEMBER,
                        A_MORNING,
                        ZoneId.of("Europe/Amsterdam"),
                        Money.of(1800, "EUR"),
                        CancellationPolicy.STANDARD,
                        SERIES,
                        Buffers.ofMinutes(0, 15)),
                new BookingSeriesPlaced(
                        SERIES,
                        RESOURCE,
                        SPACE,
                        MEMBER,
                        "FREQ=WEEKLY;COUNT=2;BYDAY=TU",
                        ZoneId.of("Europe/Amsterdam"),
                        List.of(new SeriesOccurrence(BOOKING, A_MORNING)),
                        List.of(new SkippedOccurrence(
                                LocalDateTime.of(2026, 12, 8, 9, 0),
                                LocalDateTime.of(2026, 12, 8, 12, 0),
                                "SLOT_UNAVAILABLE",
                                "taken"))),
                new BookingSeriesCancelled(SERIES, MEMBER, A_MORNING.start(), "member-alice", List.of(BOOKING)),
                new RefundIssued(BOOKING, "stripe", "re_123", Money.of(900, "EUR")),
                new LatePaymentReceived(BOOKING, MEMBER, "stripe", "pi_123", Money.of(1800, "EUR")),
                anInvoiceIssued(),
                anInvoiceIssuedWithItsParties(),
                new InvoiceIssued(
                        BOOKING,
                        "invoice-2",
                        InvoiceKind.CREDIT_NOTE,
                        "AMS-2026-000043",
                        SPACE,
                        MEMBER,
                        LocalDate.of(2026, 11, 30),
                        new BigDecimal("21.00"),
                        List.of(new InvoiceLine(
                                "Window desk, 1 Dec 2026 09:00-12:00",
                                Money.of(1488, "EUR"),
                                Money.of(312, "EUR"),
                                Money.of(1800, "EUR"))),
                        Money.of(1488, "EUR"),
                        Money.of(312, "EUR"),
                        Money.of(1800, "EUR"),
                        "invoice-1"));
    }

    private static PlanTerms aPlan(PlanCoverage coverage) {
        return new PlanTerms(
                "Flex",
                Money.of(9900, "EUR"),
                new CreditAllowance(600, Set.of(ResourceKind.MEETING_ROOM)),
                CreditRollover.upTo(300),
                coverage,
                false);
    }

    @Test
    void everyPublishedEventTypeIsCoveredHere() {
        Set<Class<?>> published = new HashSet<>();
        for (Class<?> family : List.of(
                SpaceEvent.class,
                ResourceEvent.class,
                MemberEvent.class,
                BookingEvent.class,
                InvoicingEvent.class,
                BookingSeriesEvent.class,
                PlanEvent.class,
                MembershipEvent.class,
                CreditEvent.class,
                CompanyEvent.class,
                CompanyBillEvent.class)) {
            published.addAll(Arrays.asList(family.getPermittedSubclasses()));
        }
        assertThat(everyEvent().map(Object::getClass).distinct()).containsExactlyInAnyOrderElementsOf(published);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventRoundTripsToAnEqualRecord(Object event) {
        SerializedObject<byte[]> stored = eventSerializer.serialize(event, byte[].class);

        Object read = eventSerializer.deserialize(stored);

        assertThat(read).isEqualTo(event);
    }

    /**
     * The revision each event is stored with today. Raising one means an upcaster from the previous revision
     * (see "Changing an event" in docs/architecture.md); a type missing here is revision 1.
     */
    private static final Map<Class<?>, String> CURRENT_REVISIONS =
            Map.of(SpaceRegistered.class, "3", InvoiceIssued.class, "2");

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventIsStoredWithItsCurrentRevision(Object event) {
        SerializedObject<byte[]> stored = eventSerializer.serialize(event, byte[].class);

        assertThat(stored.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(stored.getType().getRevision()).isEqualTo(CURRENT_REVISIONS.getOrDefault(event.getClass(), "1"));
    }

    /** Grants stored before rollover existed have no cap; they read as grants that do not roll over, as they were. */
    @Test
    void aGrantStoredBeforeRolloverReadsAsOneThatDoesNotRollOver() {
        CreditsGranted today = new CreditsGranted(
                CREDITS,
                "grant-january",
                600,
                Set.of(ResourceKind.MEETING_ROOM),
                PlanCoverage.network(),
                Instant.parse("2027-01-31T23:00:00Z"),
                300);
        SerializedObject<byte[]> stored = eventSerializer.serialize(today, byte[].class);
        String before = new String(stored.getData(), StandardCharsets.UTF_8).replace(",\"rolloverCapMinutes\":300", "");
        assertThat(before).doesNotContain("rolloverCapMinutes");

        CreditsGranted read = eventSerializer.deserialize(
                new SimpleSerializedObject<>(before.getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType()));

        assertThat(read.rolloverCapMinutes()).isZero();
        assertThat(read.minutes()).isEqualTo(600);
    }

    /** Bookings stored before buffers existed name none; they read as bookings holding just their own period. */
    @Test
    void aBookingStoredBeforeBuffersHoldsJustItsOwnPeriod() {
        BookingPlaced today = new BookingPlaced(
                BOOKING,
                RESOURCE,
                SPACE,
                MEMBER,
                A_MORNING,
                ZoneId.of("Europe/Amsterdam"),
                Money.of(1800, "EUR"),
                CancellationPolicy.STANDARD,
                null,
                Buffers.ofMinutes(15, 30));
        SerializedObject<byte[]> stored = eventSerializer.serialize(today, byte[].class);
        String before = new String(stored.getData(), StandardCharsets.UTF_8).replaceAll(",\"buffers\":\\{[^}]*\\}", "");
        assertThat(before).doesNotContain("buffers");

        BookingPlaced read = eventSerializer.deserialize(
                new SimpleSerializedObject<>(before.getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType()));

        assertThat(read.occupied()).isEqualTo(A_MORNING);
        assertThat(today.occupied())
                .isEqualTo(new Period(
                        A_MORNING.start().minusSeconds(900), A_MORNING.end().plusSeconds(1800)));
    }

    @Test
    void idsAreStoredAsBareStrings() {
        String json = storedJson(aResourceAdded());

        assertThat(json).contains("\"resourceId\":\"resource-desk-1\"").contains("\"spaceId\":\"space-central\"");
        assertThat(storedJson(new ManagerGranted(SPACE, MEMBER))).contains("\"memberId\":\"member-alice\"");
    }

    @Test
    void durationsAreStoredAsIsoText() {
        assertThat(storedJson(aSpaceRegistered())).contains("\"lateWindow\":\"PT24H\"");
        assertThat(storedJson(new BookingPolicyChanged(RESOURCE, SPACE, anHourlyPolicy())))
                .contains("\"slot\":\"PT1H\"")
                .contains("\"horizon\":\"PT720H\"");
    }

    @Test
    void timesZonesAndCurrenciesAreStoredAsText() {
        assertThat(storedJson(aSpaceRegistered()))
                .contains("\"timeZone\":\"Europe/Amsterdam\"")
                .contains("\"currency\":\"EUR\"");
        assertThat(storedJson(new OpeningHoursChanged(RESOURCE, SPACE, anOpeningWeek())))
                .contains("\"opens\":\"09:00:00\"");
    }

    @Test
    void anInvoiceKeepsItsNumberIssueDateAndVatRateAsWritten() {
        assertThat(storedJson(anInvoiceIssued()))
                .contains("\"number\":\"AMS-2026-000042\"")
                .contains("\"issuedOn\":\"2026-11-28\"")
                .contains("\"vatRatePercent\":21.00");
    }

    @Test
    void anAggregateSnapshotRoundTripsThroughItsPrivateFields() {
        SnapshotLikeAggregate aggregate = new SnapshotLikeAggregate(
                SPACE, Set.of(MEMBER, new MemberId("member-bob")), Money.of(500, "EUR"), anHourlyPolicy(), true);

        Object read = serializer.deserialize(serializer.serialize(aggregate, byte[].class));

        assertThat(read)
                .isInstanceOf(SnapshotLikeAggregate.class)
                .usingRecursiveComparison()
                .isEqualTo(aggregate);
    }

    private String storedJson(Object event) {
        return new String(eventSerializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    private static SpaceRegistered aSpaceRegistered() {
        return new SpaceRegistered(
                SPACE,
                "Central",
                ZoneId.of("Europe/Amsterdam"),
                Currency.getInstance("EUR"),
                new BigDecimal("21.00"),
                CancellationPolicy.STANDARD,
                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                java.time.Duration.ofHours(24));
    }

    private static InvoiceIssued anInvoiceIssued() {
        return new InvoiceIssued(
                BOOKING,
                "invoice-1",
                InvoiceKind.INVOICE,
                "AMS-2026-000042",
                SPACE,
                MEMBER,
                LocalDate.of(2026, 11, 28),
                new BigDecimal("21.00"),
                List.of(new InvoiceLine(
                        "Window desk, 1 Dec 2026 09:00-12:00",
                        Money.of(1488, "EUR"),
                        Money.of(312, "EUR"),
                        Money.of(1800, "EUR"))),
                Money.of(1488, "EUR"),
                Money.of(312, "EUR"),
                Money.of(1800, "EUR"),
                null);
    }

    private static LegalEntity aLegalEntity() {
        return new LegalEntity(
                "Coworkly Amsterdam B.V.",
                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                "NL123456789B01",
                "KvK 12345678",
                "Within 14 days");
    }

    private static InvoiceIssued anInvoiceIssuedWithItsParties() {
        return new InvoiceIssued(
                BOOKING,
                "invoice-3",
                InvoiceKind.INVOICE,
                "AMS-2026-000044",
                SPACE,
                MEMBER,
                LocalDate.of(2026, 11, 28),
                new BigDecimal("21.00"),
                List.of(new InvoiceLine(
                        "Booking of Window desk, 2026-12-01 09:00–12:00 (Europe/Amsterdam)",
                        Money.of(1488, "EUR"),
                        Money.of(312, "EUR"),
                        Money.of(1800, "EUR"),
                        1,
                        Money.of(1488, "EUR"),
                        LocalDate.of(2026, 12, 1))),
                Money.of(1488, "EUR"),
                Money.of(312, "EUR"),
                Money.of(1800, "EUR"),
                null,
                aLegalEntity(),
                new Buyer("Alice Jansen", null, null),
                LocalDate.of(2026, 11, 28),
                null);
    }

    private static ResourceAdded aResourceAdded() {
        return new ResourceAdded(
                RESOURCE,
                SPACE,
                new ResourceDescription(ResourceKind.DESK, "Window desk", 1),
                Money.of(500, "EUR"),
                anOpeningWeek(),
                anHourlyPolicy());
    }

    /** Monday and Tuesday nine to five, Friday nine to midnight: includes a window that runs to the end of the day. */
    private static WeeklyOpeningHours anOpeningWeek() {
        return new WeeklyOpeningHours(List.of(
                new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new OpeningWindow(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new OpeningWindow(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.MIDNIGHT)));
    }

    private static BookingPolicy anHourlyPolicy() {
        return new BookingPolicy(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(30));
    }

    /** Shaped like our aggregates: private fields, some final, no getters, and a no-arg constructor for Axon. */
    static final class SnapshotLikeAggregate {

        private SpaceId spaceId;
        private final Set<MemberId> managers = new HashSet<>();
        private Money hourlyPrice;
        private BookingPolicy bookingPolicy;
        private boolean retired;

        SnapshotLikeAggregate() {}

        SnapshotLikeAggregate(
                SpaceId spaceId,
                Set<MemberId> managers,
                Money hourlyPrice,
                BookingPolicy bookingPolicy,
                boolean retired) {
            this.spaceId = spaceId;
            this.managers.addAll(managers);
            this.hourlyPrice = hourlyPrice;
            this.bookingPolicy = bookingPolicy;
            this.retired = retired;
        }
    }
}
