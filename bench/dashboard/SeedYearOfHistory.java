import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.booking.PaymentRequested;
import com.coworkly.events.booking.RefundIssued;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.identity.MemberRegistered;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a year of one space's history straight into the event store, as the command side would have stored
 * it: the same event records, serialized by the platform's own Axon mapper, with metadata, aggregate types and
 * per-aggregate sequence numbers, in the order of their timestamps. Bookings of a resource never overlap each
 * other or a maintenance block and lie inside the resource's opening hours; about 3 % expire unpaid, 10 % are
 * cancelled by their member (early or inside the 24 h window, with the late fee), 2 % by staff (full refund),
 * and every paid booking has its invoice (and, when cancelled, its credit note, fee invoice and refund).
 *
 * <p>Run with the query side's libraries on the class path (see run.sh):
 * {@code java -cp 'lib/*' SeedYearOfHistory <jdbcUrl> <resources> <bookings> <managerMemberId> <spaceIdFile>
 * [<spaces> [<members> [<memberIdsFile>]]]}. With several spaces (bench/queries), the resources are split evenly
 * between them, each space has its own invoice numbers, the manager is granted every space, and members book in
 * any of them; members listed in {@code memberIdsFile} (registered through the API beforehand, so that they can
 * sign in) are among the members and get no {@code MemberRegistered} here. The space ids are written to
 * {@code spaceIdFile}, one a line. Deterministic for a given size (fixed random seed), relative to the current day.
 *
 * <p>One file longer than our usual 250 lines on purpose: it runs as a single-file source program ({@code java
 * SeedYearOfHistory.java}), without a build, and such a program cannot span several files.
 */
public class SeedYearOfHistory {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Currency EUR = Currency.getInstance("EUR");
    static final BigDecimal VAT = new BigDecimal("21.00");
    static final int DAYS = 365;
    static final Random random = new Random(20261125L);

    /** One event before it is stored; invoice numbers are given in store order, so the payload is made late. */
    record Pending(
            Instant at,
            long order,
            String aggregateId,
            String aggregateType,
            Function<String, Object> payload,
            String invoiceSeries) {}

    static final List<Pending> events = new ArrayList<>();
    static long order;

    static void add(Instant at, String aggregateId, String type, Object payload) {
        events.add(new Pending(at, order++, aggregateId, type, number -> payload, null));
    }

    /** Invoice numbers are gapless per space and year: the first space's series is BEN, the others' BEN2, BEN3, ... */
    static final Map<SpaceId, String> invoiceSeries = new HashMap<>();

    static void addInvoice(Instant at, String bookingId, SpaceId space, Function<String, Object> payload) {
        events.add(new Pending(at, order++, bookingId, "Booking", payload, invoiceSeries.get(space)));
    }

    record Resource(
            ResourceId id,
            SpaceId space,
            ResourceKind kind,
            long hourlyPrice,
            boolean roundTheClock,
            LocalDate saturdaysFrom,
            LocalDate retiredOn) {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int resourceCount = Integer.parseInt(args[1]);
        int bookingTarget = Integer.parseInt(args[2]);
        MemberId manager = new MemberId(args[3]);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        LocalDate first = today.minusDays(DAYS);
        LocalDate last = today.plusDays(30);
        Instant opened = first.minusDays(2).atTime(9, 0).atZone(ZONE).toInstant();

        int spaceCount = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        int memberCount = args.length > 6 ? Integer.parseInt(args[6]) : Math.max(50, bookingTarget / 60);
        List<String> registered = args.length > 7
                ? java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[7])).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList()
                : List.of();
        CancellationPolicy policy = CancellationPolicy.STANDARD;
        List<SpaceId> spaces = new ArrayList<>();
        for (int s = 0; s < spaceCount; s++) {
            SpaceId space = new SpaceId(UUID.randomUUID().toString());
            spaces.add(space);
            invoiceSeries.put(space, s == 0 ? "BEN" : "BEN" + (s + 1));
            add(
                    opened.plusSeconds(s),
                    space.value(),
                    "Space",
                    new SpaceRegistered(
                            space,
                            s == 0 ? "Bench Year" : "Bench Year " + (s + 1),
                            ZONE,
                            EUR,
                            VAT,
                            policy,
                            new Address("Damrak " + (s + 1), "1012 LG", "Amsterdam", "NL"),
                            Duration.ofHours(24)));
            add(opened.plusSeconds(60 + s), space.value(), "Space", new ManagerGranted(space, manager));
        }

        List<MemberId> members = new ArrayList<>();
        for (String id : registered) {
            members.add(new MemberId(id));
        }
        for (int m = members.size(); m < memberCount; m++) {
            MemberId member = new MemberId(UUID.randomUUID().toString());
            members.add(member);
            add(
                    opened.minusSeconds(86_400L * 30).plusSeconds(m),
                    member.value(),
                    "Member",
                    new MemberRegistered(member, "member" + m + "@bench.coworkly.test", "Bench member " + m));
        }

        List<Resource> resources = new ArrayList<>();
        int perSpace = (resourceCount + spaceCount - 1) / spaceCount;
        for (int i = 0; i < resourceCount; i++) {
            SpaceId space = spaces.get(i / perSpace);
            int r = i % perSpace; // the resource's number in its space: each space has the same mix of kinds
            ResourceKind kind =
                    r % 10 == 9 ? ResourceKind.OFFICE : r % 5 == 4 ? ResourceKind.MEETING_ROOM : ResourceKind.DESK;
            long price = switch (kind) {
                case OFFICE -> 4000;
                case MEETING_ROOM -> 2500;
                default -> 600;
            };
            Resource resource = new Resource(
                    new ResourceId(UUID.randomUUID().toString()),
                    space,
                    kind,
                    price,
                    kind == ResourceKind.OFFICE,
                    r % 10 == 3 ? first.plusDays(DAYS / 2) : null,
                    r % 100 == 57 ? today.minusDays(60) : null);
            resources.add(resource);
            Instant addedAt = opened.plusSeconds(120 + i);
            add(
                    addedAt,
                    resource.id().value(),
                    "Resource",
                    new ResourceAdded(
                            resource.id(),
                            space,
                            new ResourceDescription(
                                    kind,
                                    kind.name().charAt(0)
                                            + kind.name()
                                                    .substring(1)
                                                    .toLowerCase()
                                                    .replace('_', ' ') + " " + (r + 1),
                                    kind == ResourceKind.DESK ? 1 : 8),
                            new Money(price, EUR),
                            weekdays(resource.roundTheClock(), false),
                            new BookingPolicy(
                                    Duration.ofMinutes(30),
                                    Duration.ofHours(1),
                                    Duration.ofHours(12),
                                    Duration.ofDays(90))));
            if (resource.saturdaysFrom() != null) {
                add(
                        resource.saturdaysFrom()
                                .minusDays(3)
                                .atTime(10, 0)
                                .atZone(ZONE)
                                .toInstant(),
                        resource.id().value(),
                        "Resource",
                        new OpeningHoursChanged(resource.id(), space, weekdays(false, true)));
            }
            if (resource.retiredOn() != null) {
                add(
                        resource.retiredOn().atTime(7, 0).atZone(ZONE).toInstant(),
                        resource.id().value(),
                        "Resource",
                        new ResourceRetired(resource.id(), space));
            }
        }

        // Where bookings can go: each resource's open stretches, a few of which are blocked for maintenance.
        List<Object[]> stretches = new ArrayList<>();
        for (Resource resource : resources) {
            for (LocalDate day = first; day.isBefore(last); day = day.plusDays(1)) {
                if (resource.retiredOn() != null && !day.isBefore(resource.retiredOn())) {
                    break;
                }
                Instant[] open = openOn(resource, day);
                if (open == null) {
                    continue;
                }
                boolean future = !day.isBefore(today);
                if (random.nextInt(future ? 60 : 150) == 0) {
                    BlockId block = new BlockId(UUID.randomUUID().toString());
                    Instant blockedAt = future
                            ? now.minus(Duration.ofDays(random.nextInt(5) + 1))
                            : open[0].minus(Duration.ofDays(random.nextInt(20) + 1));
                    add(
                            blockedAt,
                            resource.id().value(),
                            "Resource",
                            new ResourceBlocked(
                                    resource.id(),
                                    resource.space(),
                                    block,
                                    new Period(open[0], open[1]),
                                    future ? "Deep clean" : "New carpet"));
                } else if (!future || random.nextInt(4) == 0) {
                    stretches.add(new Object[] {resource, open[0], open[1]});
                }
            }
        }

        int bookings = 0;
        double perStretch = (double) bookingTarget / stretches.size();
        for (Object[] stretch : stretches) {
            Resource resource = (Resource) stretch[0];
            Instant from = (Instant) stretch[1];
            Instant to = (Instant) stretch[2];
            int slots = (int) (Duration.between(from, to).toMinutes() / 30);
            int wanted = (int) Math.floor(perStretch + random.nextDouble());
            int[] lengths = new int[wanted];
            int used = 0;
            int count = 0;
            for (int i = 0; i < wanted; i++) {
                int length = 2 + random.nextInt(resource.roundTheClock() ? 10 : 5);
                if (used + length > slots) {
                    break;
                }
                lengths[count++] = length;
                used += length;
            }
            // The free slots are spread at random between and around the bookings.
            int[] gaps = new int[count + 1];
            for (int free = slots - used; free > 0; free--) {
                gaps[random.nextInt(count + 1)]++;
            }
            Instant cursor = from;
            for (int i = 0; i < count; i++) {
                cursor = cursor.plus(Duration.ofMinutes(30L * gaps[i]));
                Instant end = cursor.plus(Duration.ofMinutes(30L * lengths[i]));
                if (book(
                        resource.space(),
                        resource,
                        members.get(random.nextInt(members.size())),
                        new Period(cursor, end),
                        now,
                        policy)) {
                    bookings++;
                }
                cursor = end;
            }
        }

        events.sort(Comparator.comparing(Pending::at).thenComparingLong(Pending::order));
        long written = store(url, events);
        java.nio.file.Files.writeString(
                java.nio.file.Path.of(args[4]),
                String.join("\n", spaces.stream().map(SpaceId::value).toList()));
        System.out.printf(
                "seeded %s %s: %d resources, %d members, %d bookings, %d events%n",
                spaceCount == 1 ? "space" : spaceCount + " spaces, the first",
                spaces.get(0).value(),
                resources.size(),
                members.size(),
                bookings,
                written);
    }

    /** Monday to Friday 08:00-20:00 (and Saturday 09:00-17:00), or every day round the clock for offices. */
    static WeeklyOpeningHours weekdays(boolean roundTheClock, boolean saturdays) {
        List<OpeningWindow> windows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (roundTheClock) {
                windows.add(new OpeningWindow(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
            } else if (day.getValue() <= 5) {
                windows.add(new OpeningWindow(day, LocalTime.of(8, 0), LocalTime.of(20, 0)));
            } else if (saturdays && day == DayOfWeek.SATURDAY) {
                windows.add(new OpeningWindow(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
        }
        return new WeeklyOpeningHours(windows);
    }

    /** A stretch a resource is open from a day: round the clock from noon to noon, so bookings cross midnight. */
    static Instant[] openOn(Resource resource, LocalDate day) {
        if (resource.roundTheClock()) {
            return new Instant[] {
                day.atTime(12, 0).atZone(ZONE).toInstant(),
                day.plusDays(1).atTime(12, 0).atZone(ZONE).toInstant()
            };
        }
        if (day.getDayOfWeek().getValue() <= 5) {
            return new Instant[] {
                day.atTime(8, 0).atZone(ZONE).toInstant(),
                day.atTime(20, 0).atZone(ZONE).toInstant()
            };
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY
                && resource.saturdaysFrom() != null
                && !day.isBefore(resource.saturdaysFrom())) {
            return new Instant[] {
                day.atTime(9, 0).atZone(ZONE).toInstant(),
                day.atTime(17, 0).atZone(ZONE).toInstant()
            };
        }
        return null;
    }

    /** One booking's events, as the Booking aggregate applies them; false when it would have been placed later. */
    static boolean book(
            SpaceId space, Resource resource, MemberId member, Period period, Instant now, CancellationPolicy policy) {
        long leadMinutes = 60 + (long) (-Math.log(1 - random.nextDouble()) * 4 * 24 * 60);
        Instant placedAt = period.start().minus(Duration.ofMinutes(Math.min(leadMinutes, 80L * 24 * 60)));
        if (!placedAt.isBefore(now.minusSeconds(600))) {
            return false;
        }
        BookingId booking = BookingId.random();
        String id = booking.value();
        long minutes = Duration.between(period.start(), period.end()).toMinutes();
        Money price = new Money(resource.hourlyPrice() * minutes / 60, EUR);
        add(
                placedAt,
                id,
                "Booking",
                new BookingPlaced(booking, resource.id(), space, member, period, ZONE, price, policy));
        add(placedAt, id, "Booking", new PaymentRequested(booking, "simulated", "pay_" + id, price));
        int fate = random.nextInt(100);
        if (fate < 3) {
            add(
                    placedAt.plus(Duration.ofMinutes(15)),
                    id,
                    "Booking",
                    new BookingExpired(booking, resource.id(), space, member, period, "payment hold ran out"));
            return true;
        }
        Instant paidAt = placedAt.plusSeconds(60);
        add(paidAt, id, "Booking", new BookingConfirmed(booking, resource.id(), space, member));
        String invoiceId = UUID.randomUUID().toString();
        addInvoice(
                paidAt,
                id,
                space,
                number -> invoice(
                        booking,
                        invoiceId,
                        InvoiceKind.INVOICE,
                        number,
                        space,
                        member,
                        paidAt,
                        "Booking of " + resource.id(),
                        price,
                        null));
        boolean byMember = fate < 13;
        boolean byStaff = fate >= 13 && fate < 15;
        Instant cancelledAt =
                byMember || byStaff ? between(paidAt.plusSeconds(60), byMember ? period.start() : period.end()) : null;
        if (cancelledAt != null && cancelledAt.isBefore(now)) {
            boolean late = byMember && !cancelledAt.isBefore(period.start().minus(policy.lateWindow()));
            Money fee = new Money(late ? price.minorUnits() * policy.lateFeePercent() / 100 : 0, EUR);
            Money refund = new Money(price.minorUnits() - fee.minorUnits(), EUR);
            add(
                    cancelledAt,
                    id,
                    "Booking",
                    new BookingCancelled(
                            booking,
                            resource.id(),
                            space,
                            member,
                            period,
                            byMember ? member.value() : "staff",
                            byMember ? CancellationReason.BY_MEMBER : CancellationReason.BY_STAFF,
                            null,
                            fee,
                            refund));
            addInvoice(
                    cancelledAt,
                    id,
                    space,
                    number -> invoice(
                            booking,
                            UUID.randomUUID().toString(),
                            InvoiceKind.CREDIT_NOTE,
                            number,
                            space,
                            member,
                            cancelledAt,
                            "Cancelled: booking of " + resource.id(),
                            price,
                            invoiceId));
            if (fee.minorUnits() > 0) {
                addInvoice(
                        cancelledAt,
                        id,
                        space,
                        number -> invoice(
                                booking,
                                UUID.randomUUID().toString(),
                                InvoiceKind.INVOICE,
                                number,
                                space,
                                member,
                                cancelledAt,
                                "Late cancellation fee",
                                fee,
                                null));
            }
            if (refund.minorUnits() > 0) {
                add(
                        cancelledAt.plusSeconds(2),
                        id,
                        "Booking",
                        new RefundIssued(booking, "simulated", "re_" + id, refund));
            }
        } else if (period.end().isBefore(now)) {
            add(period.end(), id, "Booking", new BookingCompleted(booking, resource.id(), space, member));
        }
        return true;
    }

    static Instant between(Instant from, Instant to) {
        long seconds = Math.max(1, Duration.between(from, to).toSeconds());
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    static InvoiceIssued invoice(
            BookingId booking,
            String invoiceId,
            InvoiceKind kind,
            String number,
            SpaceId space,
            MemberId member,
            Instant at,
            String description,
            Money gross,
            String credits) {
        long vat = BigDecimal.valueOf(gross.minorUnits())
                .multiply(new BigDecimal("0.21"))
                .divide(new BigDecimal("1.21"), 0, RoundingMode.HALF_UP)
                .longValueExact();
        Money vatMoney = new Money(vat, EUR);
        Money net = new Money(gross.minorUnits() - vat, EUR);
        return new InvoiceIssued(
                booking,
                invoiceId,
                kind,
                number,
                space,
                member,
                LocalDate.ofInstant(at, ZONE),
                VAT,
                List.of(new InvoiceLine(description, net, vatMoney, gross)),
                net,
                vatMoney,
                gross,
                credits);
    }

    /** Appends with COPY (binary), in timestamp order, numbering aggregates' events and invoices as it goes. */
    static long store(String url, List<Pending> pending) throws Exception {
        Method mapperFactory = Class.forName("com.coworkly.platform.axon.AxonStorageConfiguration")
                .getDeclaredMethod("axonObjectMapper");
        mapperFactory.setAccessible(true);
        ObjectMapper mapper = (ObjectMapper) mapperFactory.invoke(null);
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(mapper).build();
        Map<String, Long> sequences = new HashMap<>();
        Map<String, Long> invoiceNumbers = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY event_store.domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type) FROM STDIN (FORMAT binary)""");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 21);
            DataOutputStream out = new DataOutputStream(buffer);
            out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
            out.writeInt(0);
            out.writeInt(0);
            for (Pending event : pending) {
                String number = null;
                if (event.invoiceSeries() != null) {
                    int year = LocalDate.ofInstant(event.at(), ZONE).getYear();
                    number = String.format(
                            "%s-%d-%06d",
                            event.invoiceSeries(),
                            year,
                            invoiceNumbers.merge(event.invoiceSeries() + year, 1L, Long::sum));
                }
                SerializedObject<byte[]> payload =
                        serializer.serialize(event.payload().apply(number), byte[].class);
                String trace = UUID.randomUUID().toString();
                byte[] metaData = mapper.writeValueAsBytes(Map.of(
                        "traceId",
                        trace,
                        "correlationId",
                        trace,
                        "actorId",
                        "system:bench-seed",
                        "actorRoles",
                        "ADMIN"));
                out.writeShort(9);
                text(out, UUID.randomUUID().toString());
                bytes(out, metaData);
                bytes(out, payload.getData());
                text(out, payload.getType().getRevision());
                text(out, payload.getType().getName());
                text(out, DateTimeUtils.formatInstant(event.at()));
                text(out, event.aggregateId());
                out.writeInt(8);
                out.writeLong(sequences.merge(event.aggregateId(), 1L, Long::sum) - 1);
                text(out, event.aggregateType());
                if (buffer.size() > (1 << 20)) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            out.writeShort(-1);
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            long rows = copy.endCopy();
            connection.commit();
            return rows;
        }
    }

    static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
