package com.coworkly.queryside.catalogue;

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
@Tag(name = "Catalogue")
class CatalogueController {

    private final CatalogueQueries catalogue;

    CatalogueController(CatalogueQueries catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/spaces")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(CatalogueProjection.GROUP)
    @Operation(summary = "The spaces of the network, by name (any signed-in role)")
    Paged<CatalogueViews.SpaceView> spaces(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return catalogue.spaces(new PageRequest(page, size));
    }

    @GetMapping("/api/spaces/{spaceId}")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(CatalogueProjection.GROUP)
    @Operation(summary = "One space (any signed-in role)")
    CatalogueViews.SpaceView space(
            @PathVariable String spaceId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return catalogue.space(spaceId).orElseThrow(() -> NotFound.space(spaceId));
    }

    @GetMapping("/api/resources/{resourceId}")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(CatalogueProjection.GROUP)
    @Operation(summary = "One resource, retired or not (any signed-in role)")
    CatalogueViews.ResourceView resource(
            @PathVariable String resourceId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return catalogue.resource(resourceId).orElseThrow(() -> NotFound.resource(resourceId));
    }

    @GetMapping("/api/spaces/{spaceId}/resources")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(CatalogueProjection.GROUP)
    @Operation(summary = "The resources of a space, by name; retired ones on request (any signed-in role)")
    Paged<CatalogueViews.ResourceView> resources(
            @PathVariable String spaceId,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        if (!catalogue.spaceExists(spaceId)) {
            throw NotFound.space(spaceId);
        }
        return catalogue.resources(spaceId, includeRetired, new PageRequest(page, size));
    }
}
