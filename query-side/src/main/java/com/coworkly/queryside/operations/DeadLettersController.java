package com.coworkly.queryside.operations;

import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import com.coworkly.queryside.standby.ReadsFromPrimary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Events the read models' handlers failed on: list, retry after a fix, or evict. See docs/operations.md. The list
 * is the primary's, so that an operator retries or evicts the letters that are there, not those a standby still
 * shows.
 */
@RestController
@ReadsFromPrimary
@Tag(name = "Operations")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/operations/dead-letters")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(
            summary = "Dead letters of every read model, or of one processing group, by group and sequence in the "
                    + "order they would be retried (OPERATOR)")
    Paged<ParkedEvent> list(
            @Parameter(
                            description =
                                    "catalogue, bookings, availability, invoices, dashboards, memberships, credits or notifications")
                    @RequestParam(required = false)
                    String processingGroup,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        List<String> groups = processingGroup == null ? deadLetters.groups() : List.of(processingGroup);
        groups.forEach(deadLetters::requireGroup);
        PageRequest request = new PageRequest(page, size);
        return Paged.of(deadLetters.list(groups, request.offset(), request.size()), request, deadLetters.count(groups));
    }

    @PostMapping("/api/operations/dead-letters/{processingGroup}/retry")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(
            summary = "Retry every parked sequence of a processing group, each in order; a sequence that fails "
                    + "again stays parked (OPERATOR)")
    Retried retryAll(@PathVariable String processingGroup) {
        return deadLetters.retry(processingGroup);
    }

    @PostMapping("/api/operations/dead-letters/{processingGroup}/sequences/{sequenceId}/retry")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Retry one parked sequence, in order; nothing to do when nothing of it is parked (OPERATOR)")
    Retried retry(@PathVariable String processingGroup, @PathVariable String sequenceId) {
        return deadLetters.retry(processingGroup, sequenceId);
    }

    @DeleteMapping("/api/operations/dead-letters/{processingGroup}/sequences/{sequenceId}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(
            summary = "Evict a parked sequence: its events are dropped from the queue unhandled, and the read "
                    + "model never sees them (OPERATOR)")
    ResponseEntity<Void> evict(@PathVariable String processingGroup, @PathVariable String sequenceId) {
        deadLetters.evict(processingGroup, sequenceId);
        return ResponseEntity.noContent().build();
    }
}
