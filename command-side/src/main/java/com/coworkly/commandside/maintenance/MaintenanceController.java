package com.coworkly.commandside.maintenance;

import com.coworkly.commandside.catalogue.RemoveBlock;
import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.platform.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

@RestController
@Tag(name = "Maintenance")
class MaintenanceController {

    record BlockRequest(
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @NotBlank @Size(max = 500) @PlainText String reason,
            boolean displace) {}

    record BlockedResponse(BlockId blockId, List<BookingId> displacedBookingIds) {}

    private final CommandSender commands;

    MaintenanceController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/resources/{resourceId}/blocks")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "Block a period of a resource for maintenance (MANAGER of its space, ADMIN)")
    ResponseEntity<BlockedResponse> block(
            @PathVariable ResourceId resourceId, @Valid @RequestBody BlockRequest request) {
        BlockResource command = new BlockResource(
                resourceId,
                BlockId.random(),
                new Period(request.start().toInstant(), request.end().toInstant()),
                request.reason().strip(),
                request.displace());
        Accepted<MaintenanceScheduling.Blocked> accepted = commands.send(command);
        return accepted.created(
                URI.create("/api/resources/" + resourceId + "/blocks/" + command.blockId()),
                new BlockedResponse(command.blockId(), accepted.result().displaced()));
    }

    @DeleteMapping("/api/resources/{resourceId}/blocks/{blockId}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "Lift a maintenance block (MANAGER of its space, ADMIN)")
    ResponseEntity<Void> remove(@PathVariable ResourceId resourceId, @PathVariable BlockId blockId) {
        return commands.send(new RemoveBlock(resourceId, blockId)).ok(null);
    }
}
