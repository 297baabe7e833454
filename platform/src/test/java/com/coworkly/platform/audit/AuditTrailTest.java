package com.coworkly.platform.audit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTest {

    record PlaceSomething(String id) {}

    private final AuditTrail trail = new AuditTrail();

    @Test
    void aCommandPassesOnItsActorRequestAndName() {
        var command = GenericCommandMessage.asCommandMessage(new PlaceSomething("1"))
                .andMetaData(MetaData.from(
                        Map.of("actorId", "m-1", "actorRoles", "MEMBER", "requestId", "r-1", "unrelated", "x")));

        assertThat(trail.correlationDataFor(command))
                .isEqualTo(Map.of(
                        "actorId", "m-1", "actorRoles", "MEMBER", "requestId", "r-1", "commandName", "PlaceSomething"));
    }

    @Test
    void anEventPassesOnTheCommandThatCausedIt() {
        var event = GenericEventMessage.asEventMessage("happened")
                .andMetaData(MetaData.from(
                        Map.of("actorId", "m-1", "actorRoles", "MEMBER", "commandName", "PlaceSomething")));

        assertThat(trail.correlationDataFor(event))
                .isEqualTo(Map.of("actorId", "m-1", "actorRoles", "MEMBER", "commandName", "PlaceSomething"));
    }

    @Test
    void aDeadlineActsAsTheSystemNotAsWhoeverScheduledIt() {
        var deadline = GenericDeadlineMessage.asDeadlineMessage("payment-hold", null, java.time.Instant.EPOCH)
                .andMetaData(
                        MetaData.from(Map.of("actorId", "m-1", "commandName", "PlaceBooking", "requestId", "r-1")));

        assertThat(trail.correlationDataFor(deadline))
                .isEqualTo(Map.of(
                        "actorId", "system:payment-hold", "actorRoles", "ADMIN", "deadlineName", "payment-hold"));
    }

    @Test
    void aClientsRequestIdIsKeptOnlyWhenPlain() {
        assertThat(RequestIds.acceptOrGenerate("abc-123")).isEqualTo("abc-123");
        assertThat(RequestIds.acceptOrGenerate("bad id\n"))
                .isNotEqualTo("bad id\n")
                .hasSize(36);
        assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36);
    }
}
