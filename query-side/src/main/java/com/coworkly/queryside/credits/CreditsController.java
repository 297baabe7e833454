package com.coworkly.queryside.credits;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.queryside.consistency.ReadYourWrites;
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Memberships")
class CreditsController {

    private final CreditQueries credits;

    CreditsController(CreditQueries credits) {
        this.credits = credits;
    }

    @GetMapping("/api/members/me/credits")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(CreditsProjection.GROUP)
    @Operation(summary = "Your credits: the minutes you may spend now, by grant (any signed-in role)")
    CreditViews.Balance balance(
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return credits.balance(callersAccount());
    }

    @GetMapping("/api/members/me/credits/statement")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(CreditsProjection.GROUP)
    @Operation(
            summary = "Your credit statement: every grant, spending, return and expiry, in order (any signed-in role)")
    Paged<CreditViews.Entry> statement(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return credits.statement(callersAccount(), new PageRequest(page, size));
    }

    private static String callersAccount() {
        return CreditAccountId.ofMember(new MemberId(CurrentCaller.require().memberId()))
                .value();
    }
}
