package com.coworkly.commandside.memberships;

import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.PlanId;
import com.coworkly.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@Tag(name = "Memberships")
class MembershipController {

    record SubscribeRequest(@NotNull PlanId planId) {}

    record ChangePlanRequest(@NotNull PlanId planId) {}

    /** {@code payment} is null when the fee was collected at once, or when the provider could not be reached. */
    record Payment(String provider, String subscriptionId, String clientSecret) {}

    record SubscribedResponse(MembershipId membershipId, PlanId planId, int planRevision, Payment payment) {}

    private final MembershipCheckout checkout;
    private final CommandSender commands;

    MembershipController(MembershipCheckout checkout, CommandSender commands) {
        this.checkout = checkout;
        this.commands = commands;
    }

    @PostMapping("/api/memberships")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Subscribe yourself to a membership plan and get what you need to pay its fee (MEMBER)")
    ResponseEntity<SubscribedResponse> subscribe(@Valid @RequestBody SubscribeRequest request) {
        Subscribe command = new Subscribe(
                MembershipId.random(), new MemberId(CurrentCaller.require().memberId()), request.planId());
        MembershipCheckout.Subscribed subscribed = checkout.subscribe(command);
        Payment payment = subscribed
                .billing()
                .filter(billing -> billing.clientSecret() != null)
                .map(billing -> new Payment(billing.provider(), billing.subscriptionId(), billing.clientSecret()))
                .orElse(null);
        return ResponseEntity.created(URI.create("/api/members/me/membership"))
                .header(Accepted.EVENT_POSITION_HEADER, Long.toString(subscribed.eventPosition()))
                .body(new SubscribedResponse(
                        command.membershipId(),
                        request.planId(),
                        subscribed.membership().planRevision(),
                        payment));
    }

    @PostMapping("/api/memberships/{membershipId}/plan")
    @PreAuthorize("hasAnyRole('MEMBER', 'ADMIN')")
    @Operation(
            summary = "Move a membership to another plan from its next period; the period paid for keeps its plan"
                    + " (its MEMBER, ADMIN)")
    ResponseEntity<Void> changePlan(
            @PathVariable MembershipId membershipId, @Valid @RequestBody ChangePlanRequest request) {
        return commands.send(new ChangePlan(membershipId, request.planId())).ok(null);
    }

    @PostMapping("/api/memberships/{membershipId}/cancel")
    @PreAuthorize("hasAnyRole('MEMBER', 'ADMIN')")
    @Operation(summary = "Cancel a membership: it runs to the end of the period paid for (its MEMBER, ADMIN)")
    ResponseEntity<Void> cancel(@PathVariable MembershipId membershipId) {
        return commands.send(new CancelMembership(membershipId)).ok(null);
    }
}
