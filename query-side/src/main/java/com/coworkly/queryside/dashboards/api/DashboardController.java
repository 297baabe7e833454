package com.coworkly.queryside.dashboards.api;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.queryside.consistency.ReadYourWrites;
import com.coworkly.queryside.dashboards.DashboardReadModel;
import com.coworkly.queryside.dashboards.Granularity;
import com.coworkly.queryside.dashboards.figures.DashboardReaders;
import com.coworkly.queryside.dashboards.figures.DashboardViews;
import com.coworkly.queryside.dashboards.figures.SpaceDashboards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The numbers a manager runs a space by, as JSON and CSV. Without {@code from} and {@code to} a dashboard
 * covers the current month of the space's calendar, in days.
 */
@RestController
@Tag(name = "Dashboards")
class DashboardController {

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final SpaceDashboards dashboards;
    private final DashboardReaders readers;
    private final Clock clock;

    DashboardController(SpaceDashboards dashboards, DashboardReaders readers, Clock clock) {
        this.dashboards = dashboards;
        this.readers = readers;
        this.clock = clock;
    }

    @GetMapping("/api/dashboards/spaces/{spaceId}")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(DashboardReadModel.GROUP)
    @Operation(
            summary = "A space's occupancy, bookings, cancellations, revenue, members, lead time, peak hours and "
                    + "upcoming maintenance, per day, week or month (its MANAGERs, ADMIN)")
    DashboardViews.SpaceDashboard space(
            @PathVariable String spaceId,
            @Parameter(description = "first local date, e.g. 2026-12-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "local date after the last, e.g. 2027-01-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        readers.requireMayRead(CurrentCaller.require(), spaceId);
        ZoneId zone = dashboards.zoneOf(spaceId);
        return dashboards.of(
                spaceId, from == null ? thisMonth(zone) : from, to == null ? nextMonth(zone) : to, granularity);
    }

    @GetMapping("/api/dashboards/spaces/{spaceId}.csv")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(DashboardReadModel.GROUP)
    @Operation(
            summary =
                    "The same figures as CSV, a row per bucket of the space and of each resource (its MANAGERs, ADMIN)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    ResponseEntity<String> spaceCsv(
            @PathVariable String spaceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @RequestParam(required = false) Long after) {
        DashboardViews.SpaceDashboard dashboard = space(spaceId, from, to, granularity, after);
        return csv(dashboard.spaceId() + ".csv", DashboardCsv.of(dashboard));
    }

    @GetMapping("/api/dashboards/network")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(DashboardReadModel.GROUP)
    @Operation(summary = "Every space's totals and buckets (ADMIN); default: the current month in UTC, in days")
    DashboardViews.NetworkSummary network(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @RequestParam(required = false) Long after) {
        readers.requireAdministrator(CurrentCaller.require());
        LocalDate start = from == null ? thisMonth(ZoneId.of("UTC")) : from;
        LocalDate end = to == null ? nextMonth(ZoneId.of("UTC")) : to;
        return new DashboardViews.NetworkSummary(
                start,
                end,
                granularity,
                dashboards.summaries(start, end, granularity),
                dashboards.networkPlanRevenue(start, end, granularity));
    }

    @GetMapping("/api/dashboards/network.csv")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(DashboardReadModel.GROUP)
    @Operation(summary = "Every space's totals and buckets as CSV (ADMIN)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    ResponseEntity<String> networkCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @RequestParam(required = false) Long after) {
        return csv("network.csv", DashboardCsv.of(network(from, to, granularity, after)));
    }

    private LocalDate thisMonth(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
    }

    private LocalDate nextMonth(ZoneId zone) {
        return thisMonth(zone).plusMonths(1);
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
