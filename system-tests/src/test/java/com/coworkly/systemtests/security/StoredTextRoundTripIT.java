package com.coworkly.systemtests.security;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Bookings;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.HostileInputs;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.inDays;

/**
 * Names and reasons sent with markup, quotes, SQL, emoji, right-to-left text and marks come back exactly as sent:
 * in the query side's JSON, as text (never markup) in the dashboard page's HTML, in the invoice PDF's text, and
 * in the calendar feed once ical4j has read it. Control characters never get that far: they are refused at the
 * door (see {@link HostileInputIT}).
 */
@ExtendWith(SharedSystem.class)
class StoredTextRoundTripIT {

    /** The seed of the drawn texts added to the fixed ones. */
    static final long SEED = HostileInputIT.SEED;

    private static final BaseFont INVOICE_FONT = invoiceFont();

    private Api api;
    private Api.Session admin;

    /** One text's trip: the space, resource, member and bookings that carry it. */
    record Trip(
            String text,
            String spaceName,
            String resourceName,
            String spaceId,
            String resourceId,
            Catalogue.ManagedSpace space,
            Api.Session member,
            String memberId,
            String paidBooking,
            String cancelledBooking) {}

    @BeforeEach
    void connect(RunningSystem system) {
        api = system.api();
        admin = api.signIn(Api.ADMIN);
    }

    @Test
    void namesAndReasonsComeBackExactlyInJsonHtmlPdfAndICalendar() throws Exception {
        List<String> texts = new ArrayList<>(HostileInputs.EXOTIC_TEXT);
        HostileInputs drawn = new HostileInputs(SEED);
        for (int i = 0; i < 3; i++) {
            texts.add(drawn.exoticString());
        }
        List<Trip> trips = new ArrayList<>();
        long position = 0;
        for (String text : texts) {
            Trip trip = send(text);
            trips.add(trip);
            position = Math.max(position, api.pay(trip.paidBooking()).eventPosition());
            position = Math.max(
                    position,
                    api.commandSide()
                            .as(trip.member())
                            .post("/api/bookings/" + trip.cancelledBooking() + "/cancel", Map.of("reason", text))
                            .expectStatus(200)
                            .eventPosition());
            position = Math.max(
                    position,
                    api.commandSide()
                            .as(trip.space().manager())
                            .post(
                                    "/api/resources/" + trip.resourceId() + "/blocks",
                                    Map.of(
                                            "start",
                                            inDays(5, 10, 0).toOffsetDateTime().toString(),
                                            "end",
                                            inDays(5, 12, 0).toOffsetDateTime().toString(),
                                            "reason",
                                            text,
                                            "displace",
                                            false))
                            .expectStatus(201)
                            .eventPosition());
        }

        SoftAssertions softly = new SoftAssertions();
        for (Trip trip : trips) {
            inJson(softly, trip, position);
            inHtml(softly, trip, position);
            inICalendar(softly, trip, position);
            inPdf(softly, trip, position);
        }
        System.out.println("Stored text round trip, seed " + SEED + ": " + trips.size() + " texts, each as a space "
                + "name, street, city, resource name, member name, cancellation and maintenance reason");
        softly.assertAll();
    }

    private Trip send(String text) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // names and streets are stripped of surrounding white space; the tag keeps names apart between runs
        String spaceName = tag + " " + text;
        String resourceName = text + " " + tag;
        Map<String, Object> space = new LinkedHashMap<>(Catalogue.aSpace(spaceName));
        space.put(
                "address",
                Map.of(
                        "street",
                        text + " 1",
                        "postalCode",
                        "1015 CC",
                        "city",
                        "Amsterdam " + text,
                        "countryCode",
                        "NL"));
        String spaceId = api.commandSide()
                .as(admin)
                .post("/api/spaces", space)
                .expectStatus(201)
                .body()
                .get("spaceId")
                .asText();
        Api.Session manager = api.newMember();
        long granted = api.commandSide()
                .as(admin)
                .post("/api/spaces/" + spaceId + "/managers", Map.of("memberId", manager.memberId()))
                .expectStatus(200)
                .eventPosition();
        Catalogue.ManagedSpace managed =
                new Catalogue.ManagedSpace(spaceId, api.signIn(api.emailOf(manager), Api.TEST_PASSWORD), granted);
        String desk = Bookings.addResource(api, managed, Bookings.anAlwaysOpenDesk(resourceName));
        String email = "trip-" + tag + "@example.test";
        String memberId = api.commandSide()
                .post("/api/members", Map.of("email", email, "name", text, "password", Api.TEST_PASSWORD))
                .expectStatus(201)
                .body()
                .get("memberId")
                .asText();
        Api.Session member = api.signIn(email, Api.TEST_PASSWORD);
        String paid = book(member, desk, 3);
        String cancelled = book(member, desk, 4);
        return new Trip(text, spaceName, resourceName, spaceId, desk, managed, member, memberId, paid, cancelled);
    }

    private String book(Api.Session member, String desk, int days) {
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(days, 9, 0), inDays(days, 11, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
    }

    private void inJson(SoftAssertions softly, Trip trip, long position) {
        String as = " of " + HostileInputs.visible(trip.text()) + " in JSON";
        JsonNode space = api.querySide()
                .as(trip.member())
                .get("/api/spaces/" + trip.spaceId() + "?after=" + position)
                .expectStatus(200)
                .body();
        softly.assertThat(space.get("name").asText()).as("space name" + as).isEqualTo(trip.spaceName());
        softly.assertThat(space.at("/address/street").asText())
                .as("street" + as)
                .isEqualTo(trip.text() + " 1");
        softly.assertThat(space.at("/address/city").asText()).as("city" + as).isEqualTo("Amsterdam " + trip.text());
        JsonNode resource = api.querySide()
                .as(trip.member())
                .get("/api/resources/" + trip.resourceId())
                .expectStatus(200)
                .body();
        softly.assertThat(resource.get("name").asText())
                .as("resource name" + as)
                .isEqualTo(trip.resourceName());
        JsonNode cancelled = api.querySide()
                .as(trip.member())
                .get("/api/bookings/" + trip.cancelledBooking())
                .expectStatus(200)
                .body();
        softly.assertThat(cancelled.at("/cancellation/note").asText())
                .as("cancellation reason" + as)
                .isEqualTo(trip.text());
        JsonNode dashboard = api.querySide()
                .as(trip.space().manager())
                .get("/api/dashboards/spaces/" + trip.spaceId())
                .expectStatus(200)
                .body();
        softly.assertThat(dashboard.get("upcomingMaintenance").findValuesAsText("reason"))
                .as("maintenance reason" + as)
                .containsExactly(trip.text());
        softly.assertThat(dashboard.get("spaceName").asText())
                .as("dashboard's space name" + as)
                .isEqualTo(trip.spaceName());
        JsonNode member = api.querySide()
                .as(api.signIn(Api.OPERATOR))
                .get("/api/audit/aggregates/" + trip.memberId() + "/state")
                .expectStatus(200)
                .body();
        softly.assertThat(member.findValuesAsText("name"))
                .as("member name" + as)
                .contains(trip.text());
    }

    private void inHtml(SoftAssertions softly, Trip trip, long position) {
        String as = " of " + HostileInputs.visible(trip.text()) + " in the dashboard page";
        Reply page = api.querySide()
                .as(trip.space().manager())
                .header("Accept", "text/html")
                .get("/dashboard?spaceId=" + trip.spaceId() + "&after=" + position)
                .expectStatus(200);
        Document html = Jsoup.parse(page.raw());
        softly.assertThat(html.select("script")).as("script elements" + as).isEmpty();
        softly.assertThat(html.select("b")).as("markup from text" + as).isEmpty();
        Element name = html.getElementById("space-name");
        softly.assertThat(name == null ? null : name.wholeText())
                .as("space name" + as)
                .isEqualTo(trip.spaceName());
        List<String> row = html.select("#maintenance tbody tr").stream()
                .findFirst()
                .map(tr -> tr.children().stream().map(Element::wholeText).toList())
                .orElse(List.of());
        softly.assertThat(row).as("maintenance row" + as).hasSize(4);
        if (row.size() == 4) {
            softly.assertThat(row.get(0)).as("resource name" + as).isEqualTo(trip.resourceName());
            softly.assertThat(row.get(3)).as("reason" + as).isEqualTo(trip.text());
        }
        if (trip.text().contains("<")) {
            softly.assertThat(page.raw()).as("raw HTML" + as).doesNotContain(trip.text());
        }
    }

    private void inICalendar(SoftAssertions softly, Trip trip, long position) throws Exception {
        String as = " of " + HostileInputs.visible(trip.text()) + " in the calendar feed";
        Reply feed = api.querySide()
                .as(trip.member())
                .get("/api/members/me/calendar.ics?after=" + position)
                .expectStatus(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.raw()));
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        softly.assertThat(events).as("events" + as).hasSize(1);
        for (VEvent event : events) {
            softly.assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                    .as("summary" + as)
                    .isEqualTo(trip.resourceName() + " at " + trip.spaceName());
            softly.assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                    .as("location" + as)
                    .isEqualTo(trip.text() + " 1, 1015 CC Amsterdam " + trip.text() + ", NL");
        }
    }

    private void inPdf(SoftAssertions softly, Trip trip, long position) throws Exception {
        String as = " of " + HostileInputs.visible(trip.text()) + " in the invoice PDF";
        JsonNode invoices = api.querySide()
                .as(trip.member())
                .get("/api/members/me/invoices?after=" + position)
                .expectStatus(200)
                .body()
                .get("items");
        softly.assertThat(invoices).as("invoices" + as).hasSize(1);
        String invoiceId = invoices.get(0).get("invoiceId").asText();
        byte[] pdf = api.querySide().as(trip.member()).getBytes("/api/invoices/" + invoiceId + "/pdf");
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        String shown = withoutLineBreaks(text);
        softly.assertThat(shown)
                .as("space name" + as + ": " + text)
                .contains(withoutLineBreaks(printed(trip.spaceName())));
        softly.assertThat(shown).as("street" + as).contains(withoutLineBreaks(printed(trip.text() + " 1")));
        softly.assertThat(shown).as("city" + as).contains(withoutLineBreaks(printed("Amsterdam " + trip.text())));
    }

    /**
     * The text as the invoice's embedded font (OpenPDF's Liberation Sans) prints it: every character it has a
     * glyph for exactly; any other as a white square, except invisible formatting characters, which are left out.
     */
    private static String printed(String text) {
        StringBuilder printed = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\n' || INVOICE_FONT.charExists(c)) {
                printed.appendCodePoint(c);
            } else if (c == '\t') {
                printed.append(' ');
            } else if (Character.getType(c) != Character.FORMAT && c != '\r') {
                printed.append('\u25A1');
            }
        });
        return printed.toString();
    }

    private static BaseFont invoiceFont() {
        try {
            return BaseFont.createFont(
                    "font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PDF breaks long lines where it must; compare without the breaks (and the text's own white space). */
    private static String withoutLineBreaks(String text) {
        return text.replaceAll("\\s+", "");
    }
}
