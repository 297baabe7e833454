package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Which manager may change which space's resources is a rule of the resource itself, not of this controller. */
@RestController
@Tag(name = "Catalogue")
class ResourceController {

    record ResourceAddedResponse(ResourceId resourceId) {}

    record SeatsRequest(
            @Schema(description = "how many members may book the resource at once (1 to 500)")
            @NotNull
            @Min(1)
            @Max(500)
            Integer seats) {}

    record BuffersRequest(
            @Schema(description = "minutes kept free before each booking's start (0 to 240)") @NotNull @Min(0) @Max(240)
            Integer beforeMinutes,

            @Schema(description = "minutes kept free after each booking's end (0 to 240)") @NotNull @Min(0) @Max(240)
            Integer afterMinutes) {}

    private final CommandSender commands;

    ResourceController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/spaces/{spaceId}/resources")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "Add a resource to a space (MANAGER of the space, ADMIN)")
    ResponseEntity<ResourceAddedResponse> add(
            @PathVariable SpaceId spaceId, @Valid @RequestBody ResourceDefinition definition) {
        AddResource command = new AddResource(
                ResourceId.random(),
                spaceId,
                definition.description(),
                definition.price(),
                definition.weeklyOpeningHours(),
                definition.bookingPolicy());
        return commands.send(command)
                .created(
                        URI.create("/api/resources/" + command.resourceId()),
                        new ResourceAddedResponse(command.resourceId()));
    }

    @PutMapping("/api/resources/{resourceId}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "Revise a resource's description, price, hours and policy (MANAGER of its space, ADMIN)")
    ResponseEntity<Void> revise(
            @PathVariable ResourceId resourceId, @Valid @RequestBody ResourceDefinition definition) {
        return commands.send(new ReviseResource(
                        resourceId,
                        definition.description(),
                        definition.price(),
                        definition.weeklyOpeningHours(),
                        definition.bookingPolicy()))
                .ok(null);
    }

    @PutMapping("/api/resources/{resourceId}/buffers")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(
            summary = "Set the time kept free before and after each booking of the resource, from the next booking on"
                    + " (MANAGER of its space, ADMIN)")
    ResponseEntity<Void> setBuffers(@PathVariable ResourceId resourceId, @Valid @RequestBody BuffersRequest request) {
        return commands.send(
                        new SetBuffers(resourceId, Buffers.ofMinutes(request.beforeMinutes(), request.afterMinutes())))
                .ok(null);
    }

    @PutMapping("/api/resources/{resourceId}/seats")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(
            summary = "Make the resource a pool of identical seats that members book at once (a hot-desk area), or"
                    + " an ordinary resource with 1 (MANAGER of its space, ADMIN)")
    ResponseEntity<Void> setSeats(@PathVariable ResourceId resourceId, @Valid @RequestBody SeatsRequest request) {
        return commands.send(new SetSeats(resourceId, request.seats())).ok(null);
    }

    @PostMapping("/api/resources/{resourceId}/retire")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "Retire a resource: no new bookings (MANAGER of its space, ADMIN)")
    ResponseEntity<Void> retire(@PathVariable ResourceId resourceId) {
        return commands.send(new RetireResource(resourceId)).ok(null);
    }
}
