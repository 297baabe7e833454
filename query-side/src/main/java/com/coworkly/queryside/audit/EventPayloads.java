package com.coworkly.queryside.audit;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a stored payload back into its current shared event record the way the event store does: through the
 * same upcasters (the platform's {@code EventUpcaster} beans, which Axon's storage engine also gets) and the
 * very serializer the event store uses (the platform's {@code eventSerializer}), so that the audit folds see
 * what every projection sees, whatever revision was stored.
 */
@Component
class EventPayloads {

    private static final byte[] NO_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);

    private final Serializer serializer;
    private final EventUpcasterChain upcasters;

    EventPayloads(@Qualifier("eventSerializer") Serializer serializer, List<EventUpcaster> upcasters) {
        this.serializer = serializer;
        this.upcasters = new EventUpcasterChain(upcasters);
    }

    /** Our upcasters turn one stored event into one current event; one that split or dropped events would not fit here. */
    Object read(StoredEvent stored) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                stored.aggregateType(),
                stored.aggregateId(),
                stored.sequenceNumber(),
                stored.eventId(),
                stored.timestamp(),
                stored.payloadType(),
                stored.payloadRevision(),
                stored.payload(),
                stored.metaData() == null ? NO_META_DATA : stored.metaData());
        List<IntermediateEventRepresentation> current = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        if (current.size() != 1) {
            throw new IllegalStateException("Event " + stored.eventId() + " was upcast into " + current.size()
                    + " events; the audit reads one event per stored event");
        }
        return serializer.deserialize(current.get(0).getData());
    }
}
