package com.coworkly.systemtests.dashboards;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Browser;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard page in a real browser (headless Chromium): a manager signs in through its form, sees the same
 * figures as the JSON API answers for the same space and period, and the page writes no error to the console.
 */
@ExtendWith(SharedSystem.class)
class DashboardPageIT {

    /** Reads decimals as the API wrote them, so that 0.1250 and 0.125 compare equal as numbers, not doubles. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static Browser browser;

    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        space = Catalogue.aManagedSpace(
                api, "Harbour Loft " + UUID.randomUUID().toString().substring(0, 8));
        // A page is navigated to without ?after=: wait here until the dashboards know the space and its manager.
        api.querySide()
                .as(space.manager())
                .get("/api/dashboards/spaces/" + space.spaceId() + "?after=" + space.position())
                .expectStatus(200);
        browser.driver().get(api.querySideUrl() + "/dashboard/sign-in");
        browser.forgetEverything();
    }

    @Test
    void aManagerSeesTheFiguresTheApiAnswersOnAPageWithoutConsoleErrors() throws Exception {
        LocalDate from = LocalDate.now(AMSTERDAM);
        LocalDate to = from.plusDays(14);
        String query = "?spaceId=" + space.spaceId() + "&from=" + from + "&to=" + to + "&granularity=DAY";
        JsonNode expected = aSpaceWithAFortnightOfBusiness(query);

        ChromeDriver page = browser.driver();
        page.get(api.querySideUrl() + "/dashboard" + query);
        assertThat(page.getCurrentUrl()).as("asked to sign in first").contains("/dashboard/sign-in");
        signIn(api.emailOf(space.manager()), Api.TEST_PASSWORD);

        assertThat(page.getCurrentUrl())
                .as("back on the page asked for")
                .isEqualTo(api.querySideUrl() + "/dashboard" + query);
        assertThat(page.findElement(By.id("space-name")).getText())
                .isEqualTo(expected.get("spaceName").asText());
        assertThat(page.manage().getCookieNamed("coworkly_dashboard")).satisfies(cookie -> {
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Strict");
            assertThat(cookie.getPath()).isEqualTo("/dashboard");
        });
        List<WebElement> totals = page.findElements(By.cssSelector("#totals [data-figure]"));
        assertThat(totals).hasSize(14);
        assertSoftly(softly -> {
            for (WebElement figure : totals) {
                String key = figure.getDomAttribute("data-figure");
                softly.assertThat(figure.getDomAttribute("data-value"))
                        .as("total " + key)
                        .satisfies(value -> assertSameNumber(value, at(expected.get("totals"), key)));
            }
        });
        assertTheTablesAndMembershipFiguresAre(expected);
        JsonNode totalsAnswered = expected.get("totals");
        assertThat(figureText("revenue.gross"))
                .isEqualTo(euros(totalsAnswered.at("/revenue/gross").asLong()));
        assertThat(figureText("lateCancellationFees"))
                .isEqualTo(euros(totalsAnswered.get("lateCancellationFees").asLong()));
        assertThat(figureText("bookings")).isEqualTo("2");
        assertThat(figureText("occupancy"))
                .isEqualTo(totalsAnswered
                                .get("occupancy")
                                .decimalValue()
                                .movePointRight(2)
                                .setScale(1, java.math.RoundingMode.HALF_UP)
                                .toPlainString()
                        + " %");
        assertThat(page.findElements(By.cssSelector("td[data-bucket][data-figure='bookings']")))
                .as("a row per day in the cancellations table")
                .hasSize(expected.get("buckets").size());
        assertThat(page.findElements(By.cssSelector("#revenue-chart rect")))
                .as("gross, net and refunds per day")
                .hasSize(3 * expected.get("buckets").size());
        assertThat(page.findElements(By.cssSelector("#peak-hours rect"))).hasSize(7 * 24);
        long bookedHoursOfWeek = 0;
        for (JsonNode hour : expected.get("peakHours")) {
            bookedHoursOfWeek += hour.get("bookedHours").decimalValue().signum() > 0 ? 1 : 0;
        }
        assertThat(page.findElements(By.cssSelector("#peak-hours rect:not(.empty)")))
                .hasSize((int) bookedHoursOfWeek);
        assertThat(page.findElements(By.cssSelector("#maintenance tbody tr")))
                .hasSize(expected.get("upcomingMaintenance").size())
                .isNotEmpty();
        assertThat(page.findElement(By.cssSelector("#maintenance tbody tr")).getText())
                .contains("Replacing the chairs");

        browser.screenshot(Path.of("target", "dashboard.png"));
        assertThat(browser.consoleErrors()).as("the browser console").isEmpty();
    }

    @Test
    void aManagerSeesTheMembersFeesAndTheCreditsTheySpent() throws Exception {
        LocalDate from = LocalDate.now(AMSTERDAM).withDayOfMonth(1);
        String query =
                "?spaceId=" + space.spaceId() + "&from=" + from + "&to=" + from.plusMonths(2) + "&granularity=MONTH";
        JsonNode expected = aSpaceWithAMemberSpendingCredits(query);

        ChromeDriver page = browser.driver();
        page.get(api.querySideUrl() + "/dashboard" + query);
        signIn(api.emailOf(space.manager()), Api.TEST_PASSWORD);

        assertThat(membershipFigure("membershipRevenue.total").getText()).isEqualTo("€ 99.00");
        assertThat(membershipFigure("creditMinutes").getText()).isEqualTo("2.0 h");
        assertThat(page.findElement(By.cssSelector("#resources tr[data-resource] [data-figure='creditMinutes']"))
                        .getText())
                .isEqualTo("2.0 h");
        assertThat(page.findElement(By.cssSelector("td[data-bucket='" + from + "'][data-figure='membershipRevenue']"))
                        .getDomAttribute("data-value"))
                .as("the fee counts in the month its period starts")
                .isEqualTo("9900");
        assertThat(page.findElements(By.cssSelector("#membership-revenue-chart rect")))
                .as("a bar per month")
                .hasSize(2);
        assertTheTablesAndMembershipFiguresAre(expected);
        assertThat(browser.consoleErrors()).as("the browser console").isEmpty();
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithASayingWhy() {
        ChromeDriver page = browser.driver();
        page.get(api.querySideUrl() + "/dashboard");
        signIn(api.emailOf(space.manager()), "not the password");

        assertThat(page.findElement(By.id("sign-in-error")).getText()).isEqualTo("Unknown email or wrong password.");
        assertThat(page.findElement(By.id("username")).getDomProperty("value")).isEqualTo(api.emailOf(space.manager()));
        assertThat(page.manage().getCookieNamed("coworkly_dashboard")).isNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aManagerSignsOutAndIsAskedToSignInAgain() {
        ChromeDriver page = browser.driver();
        page.get(api.querySideUrl() + "/dashboard");
        signIn(api.emailOf(space.manager()), Api.TEST_PASSWORD);
        assertThat(page.findElement(By.id("space-name")).getText()).startsWith("Harbour Loft");

        browser.submitWith(By.cssSelector(".sign-out button"));

        assertThat(page.getCurrentUrl()).contains("/dashboard/sign-in");
        assertThat(page.manage().getCookieNamed("coworkly_dashboard")).isNull();
        page.get(api.querySideUrl() + "/dashboard");
        assertThat(page.getCurrentUrl()).contains("/dashboard/sign-in");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anotherSpacesManagerIsToldTheyMayNotReadIt() {
        Catalogue.ManagedSpace other = Catalogue.aManagedSpace(api, "Other loft " + UUID.randomUUID());
        ChromeDriver page = browser.driver();
        page.get(api.querySideUrl() + "/dashboard");
        signIn(api.emailOf(other.manager()), Api.TEST_PASSWORD);

        page.get(api.querySideUrl() + "/dashboard?spaceId=" + space.spaceId());

        assertThat(page.findElement(By.id("refusal")).getText())
                .contains("Only the managers of space " + space.spaceId());
    }

    @Test
    void aMemberWhoManagesNothingIsToldSo() {
        Api.Session member = api.newMember();
        ChromeDriver page = browser.driver();
        page.get(api.querySideUrl() + "/dashboard");
        signIn(api.emailOf(member), Api.TEST_PASSWORD);

        assertThat(page.findElement(By.id("no-spaces")).getText()).contains("you manage no space");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * Two bookings kept, one cancelled early and one late (all paid), and a maintenance block, on one desk; waits
     * until the dashboard has every refund and credit note and answers what the API says then.
     */
    private JsonNode aSpaceWithAFortnightOfBusiness(String query) throws Exception {
        String desk = addResource(api, space, anAlwaysOpenDesk("Window desk"));
        Api.Session member = api.newMember();
        paidBooking(member, desk, inDays(3, 9, 0), inDays(3, 11, 0));
        paidBooking(member, desk, inDays(4, 14, 0), inDays(4, 17, 30));
        String cancelledEarly = paidBooking(member, desk, inDays(5, 10, 0), inDays(5, 12, 0));
        ZonedDateTime soon = ZonedDateTime.now(AMSTERDAM)
                .plusHours(2)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        String cancelledLate = paidBooking(member, desk, soon, soon.plusHours(1));
        long refunds = 0;
        long fees = 0;
        for (String booking : List.of(cancelledEarly, cancelledLate)) {
            JsonNode cancelled = api.commandSide()
                    .as(member)
                    .post("/api/bookings/" + booking + "/cancel", Map.of("reason", "plans changed"))
                    .expectStatus(200)
                    .body();
            refunds += cancelled.get("refund").asLong();
            fees += cancelled.get("fee").asLong();
        }
        api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + desk + "/blocks", aBlock(inDays(6, 8, 0), inDays(6, 12, 0), false))
                .expectStatus(201);
        long expectedRefunds = refunds;
        long expectedFees = fees;
        await("the refunds")
                .atMost(Duration.ofSeconds(60))
                .until(() -> events.typesOf(cancelledEarly).contains("RefundIssued")
                        && events.typesOf(cancelledLate).contains("RefundIssued"));
        await("the dashboard with every booking, cancellation and refund")
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    JsonNode totals = dashboard(query).get("totals");
                    return totals.get("bookings").asInt() == 2
                            && totals.at("/cancellations/early").asInt() == 1
                            && totals.at("/cancellations/late").asInt() == 1
                            && totals.at("/revenue/refunds").asLong() == expectedRefunds
                            && totals.get("lateCancellationFees").asLong() == expectedFees;
                });
        long position = events.longValue("SELECT max(global_index) FROM event_store.domain_event_entry");
        return dashboard(query + "&after=" + position);
    }

    /**
     * A plan for this space only (EUR 99.00 a month, 10 desk hours), a member whose first period is paid, and two
     * hours of a desk paid with credits; waits until the dashboard has both and answers what the API says then.
     */
    private JsonNode aSpaceWithAMemberSpendingCredits(String query) throws Exception {
        String desk = addResource(api, space, anAlwaysOpenDesk("Window desk"));
        Map<String, Object> plan = Memberships.aPlan("Harbour desks " + UUID.randomUUID(), 600, "DESK");
        plan.put("spaceIds", List.of(space.spaceId()));
        Api.Session member = api.newMember();
        Memberships.firstPeriodPaid(api, Memberships.subscribe(api, member, Memberships.define(api, plan)));
        Reply booked = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(3, 10, 0), inDays(3, 12, 0)))
                .expectStatus(201);
        assertThat(booked.body().get("status").asText()).as("paid with credits").isEqualTo("CONFIRMED");
        await("the dashboard with the fee and the credits")
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    JsonNode dashboard = dashboard(query);
                    return dashboard.at("/membershipRevenue/total").asLong() == 9900
                            && dashboard.get("creditMinutes").asLong() == 120;
                });
        return dashboard(query + "&after=" + booked.eventPosition());
    }

    /**
     * Every cell of the charts' tables, the membership figures and each resource's credits spent hold the value the
     * API answers for the same space and range.
     */
    private void assertTheTablesAndMembershipFiguresAre(JsonNode expected) {
        ChromeDriver page = browser.driver();
        List<WebElement> memberships = page.findElements(By.cssSelector("#membership-totals [data-figure]"));
        assertThat(memberships)
                .extracting(figure -> figure.getDomAttribute("data-figure"))
                .containsExactly("membershipRevenue.total", "creditMinutes");
        List<WebElement> resources = page.findElements(By.cssSelector("#resources tr[data-resource]"));
        assertThat(resources).hasSize(expected.get("resources").size());
        assertSoftly(softly -> {
            for (WebElement cell : page.findElements(By.cssSelector("td[data-bucket][data-figure]"))) {
                String key = cell.getDomAttribute("data-figure");
                String start = cell.getDomAttribute("data-bucket");
                softly.assertThat(cell.getDomAttribute("data-value"))
                        .as(key + " of " + start)
                        .satisfies(value -> assertSameNumber(value, answeredInBucket(expected, start, key)));
            }
            for (WebElement figure : memberships) {
                String key = figure.getDomAttribute("data-figure");
                softly.assertThat(figure.getDomAttribute("data-value"))
                        .as(key)
                        .satisfies(value -> assertSameNumber(value, at(expected, key)));
            }
            for (WebElement row : resources) {
                String resource = row.getDomAttribute("data-resource");
                softly.assertThat(row.findElement(By.cssSelector("[data-figure='creditMinutes']"))
                                .getDomAttribute("data-value"))
                        .as("credits spent on " + resource)
                        .satisfies(value -> assertSameNumber(
                                value, resourceOf(expected, resource).get("creditMinutes")));
            }
        });
    }

    private String paidBooking(Api.Session member, String desk, ZonedDateTime start, ZonedDateTime end) {
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, end))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.pay(booking);
        return booking;
    }

    private JsonNode dashboard(String query) throws Exception {
        String raw = api.querySide()
                .as(space.manager())
                .get("/api/dashboards/spaces/" + space.spaceId() + query)
                .expectStatus(200)
                .raw();
        return JSON.readTree(raw);
    }

    private void signIn(String email, String password) {
        ChromeDriver page = browser.driver();
        page.findElement(By.id("username")).sendKeys(email);
        page.findElement(By.id("password")).sendKeys(password);
        browser.submitWith(By.cssSelector("form.sign-in button[type=submit]"));
    }

    private WebElement membershipFigure(String key) {
        return browser.driver().findElement(By.cssSelector("#membership-totals [data-figure='" + key + "']"));
    }

    private String figureText(String key) {
        return browser.driver()
                .findElement(By.cssSelector("#totals [data-figure='" + key + "']"))
                .getText();
    }

    private static JsonNode at(JsonNode figures, String key) {
        return figures.at("/" + key.replace('.', '/'));
    }

    /** A booking figure of the API's bucket, or for {@code membershipRevenue} the amount of its bucket. */
    private static JsonNode answeredInBucket(JsonNode dashboard, String start, String key) {
        if (key.equals("membershipRevenue")) {
            return bucketStarting(dashboard.at("/membershipRevenue/buckets"), start)
                    .get("amount");
        }
        return at(bucketStarting(dashboard.get("buckets"), start).get("figures"), key);
    }

    private static JsonNode bucketStarting(JsonNode buckets, String start) {
        for (JsonNode bucket : buckets) {
            if (bucket.get("start").asText().equals(start)) {
                return bucket;
            }
        }
        throw new AssertionError("the API answered no bucket starting " + start);
    }

    private static JsonNode resourceOf(JsonNode dashboard, String resourceId) {
        for (JsonNode resource : dashboard.get("resources")) {
            if (resource.get("resourceId").asText().equals(resourceId)) {
                return resource;
            }
        }
        throw new AssertionError("the API answered no resource " + resourceId);
    }

    private static void assertSameNumber(String shown, JsonNode answered) {
        if (answered.isNull() || answered.isMissingNode()) {
            assertThat(shown).as("a figure the API answers as null").isEmpty();
        } else {
            assertThat(new BigDecimal(shown)).isEqualByComparingTo(answered.decimalValue());
        }
    }

    private static String euros(long cents) {
        return "€ " + BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
