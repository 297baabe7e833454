package com.coworkly.queryside.dashboards.page;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.dashboards.Granularity;
import com.coworkly.queryside.dashboards.figures.DashboardReaders;
import com.coworkly.queryside.dashboards.figures.DashboardViews;
import com.coworkly.queryside.dashboards.figures.Space;
import com.coworkly.queryside.dashboards.figures.SpaceDashboards;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard as a page: the same figures as {@code GET /api/dashboards/spaces/{spaceId}}, for the same
 * parameters and the same readers, drawn as charts and tables on the server. Without parameters it shows the
 * first space the caller may read, this month in the space's calendar, in days. A page for browsers, not part
 * of the JSON API, hence hidden from the OpenAPI document; its refusals are pages too.
 */
@Controller
@Hidden
class DashboardPage {

    private static final Map<BusinessRefusal.Kind, HttpStatus> STATUS_OF_REFUSAL = Map.of(
            BusinessRefusal.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            BusinessRefusal.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            BusinessRefusal.Kind.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
            BusinessRefusal.Kind.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
            BusinessRefusal.Kind.CONFLICT, HttpStatus.CONFLICT);

    private final SpaceDashboards dashboards;
    private final DashboardReaders readers;
    private final Clock clock;

    DashboardPage(SpaceDashboards dashboards, DashboardReaders readers, Clock clock) {
        this.dashboards = dashboards;
        this.readers = readers;
        this.clock = clock;
    }

    @GetMapping(DashboardPageSecurity.PAGE)
    String show(
            @RequestParam(required = false) String spaceId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity,
            CsrfToken csrf,
            Model model) {
        csrf.getToken(); // sets the CSRF cookie (for the sign-out form) before the page starts to be written
        CurrentCaller caller = CurrentCaller.require();
        List<Space> spaces = readers.readableSpaces(caller);
        model.addAttribute("spaces", spaces);
        PageQuery query = PageQuery.of(spaceId, from, to, granularity);
        if (query.spaceId().isEmpty()) {
            if (spaces.isEmpty()) {
                return "dashboard/no-spaces";
            }
            query = query.forSpace(spaces.get(0).spaceId());
        }
        String chosen = query.spaceId().get();
        readers.requireMayRead(caller, chosen);
        LocalDate thisMonth =
                LocalDate.now(clock.withZone(zoneOf(chosen, spaces))).withDayOfMonth(1);
        DashboardViews.SpaceDashboard dashboard = dashboards.of(
                chosen,
                query.from().orElse(thisMonth),
                query.to().orElse(thisMonth.plusMonths(1)),
                query.granularity().orElse(Granularity.DAY));
        model.addAttribute("view", DashboardPageView.of(dashboard));
        model.addAttribute("granularities", Granularity.values());
        model.addAttribute("resourceHeadings", DashboardPageView.perResourceHeadings());
        return "dashboard/page";
    }

    /** A "no" of the rules (not a manager of the space, a range too long) as a page that says it. */
    @ExceptionHandler(BusinessRefusal.class)
    String refused(BusinessRefusal refusal, HttpServletResponse response, Model model) {
        response.setStatus(STATUS_OF_REFUSAL
                .getOrDefault(refusal.kind(), HttpStatus.BAD_REQUEST)
                .value());
        model.addAttribute("message", refusal.getMessage());
        return "dashboard/refused";
    }

    private static java.time.ZoneId zoneOf(String spaceId, List<Space> spaces) {
        return spaces.stream()
                .filter(space -> space.spaceId().equals(spaceId))
                .findFirst()
                .map(Space::zone)
                .orElse(java.time.ZoneOffset.UTC);
    }
}
