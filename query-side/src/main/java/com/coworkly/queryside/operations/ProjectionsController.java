package com.coworkly.queryside.operations;

import com.coworkly.queryside.standby.ReadsFromPrimary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Operators follow the read models and rebuild one from the first event while queries go on (issue 7). The
 * positions and lags are the primary's, where the processors write, not a standby's view of them.
 */
@RestController
@ReadsFromPrimary
@Tag(name = "Operations")
class ProjectionsController {

    private final ProjectionRebuilds rebuilds;

    ProjectionsController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping("/api/operations/projections")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(
            summary = "Every processing group with its position, the event store's head, its lag and the "
                    + "progress of a rebuild (OPERATOR)")
    List<ProjectionsView.Projection> projections() {
        return rebuilds.overview();
    }

    @PostMapping("/api/operations/projections/{name}/replay")
    @PreAuthorize("hasRole('OPERATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Rebuild a read model from the first event into shadow tables and switch over once it has "
                    + "caught up; queries answer from the current tables meanwhile (OPERATOR)")
    ProjectionsView.Projection replay(@PathVariable String name) {
        return rebuilds.replay(name);
    }
}
