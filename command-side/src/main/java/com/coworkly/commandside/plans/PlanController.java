package com.coworkly.commandside.plans;

import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.common.PlanId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Memberships")
class PlanController {

    record PlanDefinedResponse(PlanId planId) {}

    private final CommandSender commands;

    PlanController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Define a membership plan (ADMIN)")
    ResponseEntity<PlanDefinedResponse> define(@Valid @RequestBody PlanDefinition definition) {
        DefinePlan command = new DefinePlan(PlanId.random(), definition.terms());
        return commands.send(command)
                .created(URI.create("/api/plans/" + command.planId()), new PlanDefinedResponse(command.planId()));
    }

    @PutMapping("/{planId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Revise a plan's terms, from each membership's next period (ADMIN)")
    ResponseEntity<Void> revise(@PathVariable PlanId planId, @Valid @RequestBody PlanDefinition definition) {
        return commands.send(new RevisePlan(planId, definition.terms())).ok(null);
    }

    @PostMapping("/{planId}/retire")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Retire a plan: no new members (ADMIN)")
    ResponseEntity<Void> retire(@PathVariable PlanId planId) {
        return commands.send(new RetirePlan(planId)).ok(null);
    }
}
