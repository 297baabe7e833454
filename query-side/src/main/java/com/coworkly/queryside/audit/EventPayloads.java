package com.coworkly.queryside.audit;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reads a stored payload back into its shared event record with the very serializer the event store uses
 * (the platform's {@code eventSerializer}), so that the audit folds see what every projection sees.
 */
@Component
class EventPayloads {

    private final Serializer serializer;

    EventPayloads(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    Object read(StoredEvent stored) {
        return serializer.deserialize(new SimpleSerializedObject<>(stored.payload(), byte[].class,
                stored.payloadType(), stored.payloadRevision()));
    }
}
