package com.coworkly.commandside.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations")
class OperationsController {

    private final LookupRebuild lookups;

    OperationsController(LookupRebuild lookups) {
        this.lookups = lookups;
    }

    @PostMapping("/api/operations/lookups/rebuild")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Rebuild the command side's lookup tables from the event store (OPERATOR)")
    LookupRebuild.Rebuilt rebuild() throws Exception {
        return lookups.rebuild();
    }
}
