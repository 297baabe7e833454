package com.coworkly.queryside.memberships;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.queryside.consistency.ReadYourWrites;
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import com.coworkly.queryside.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Memberships")
class MembershipsController {

    private final PlanQueries plans;
    private final MembershipQueries memberships;

    MembershipsController(PlanQueries plans, MembershipQueries memberships) {
        this.plans = plans;
        this.memberships = memberships;
    }

    @GetMapping("/api/members/me/membership")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(MembershipsProjection.GROUP)
    @Operation(summary = "Your membership: the live one, else your latest (any signed-in role)")
    MembershipViews.MembershipView membership(
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        String member = CurrentCaller.require().memberId();
        return memberships.current(member).orElseThrow(() -> NotFound.membershipOf(member));
    }

    @GetMapping("/api/plans")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(MembershipsProjection.GROUP)
    @Operation(summary = "The membership plans on sale, by name; retired ones on request (any signed-in role)")
    Paged<PlanViews.PlanView> plans(
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return plans.plans(includeRetired, new PageRequest(page, size));
    }

    @GetMapping("/api/plans/{planId}")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(MembershipsProjection.GROUP)
    @Operation(summary = "One plan at its newest revision, retired or not (any signed-in role)")
    PlanViews.PlanView plan(
            @PathVariable String planId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return plans.plan(planId).orElseThrow(() -> NotFound.plan(planId));
    }
}
