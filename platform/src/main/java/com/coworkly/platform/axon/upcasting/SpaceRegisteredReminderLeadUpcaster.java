package com.coworkly.platform.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code SpaceRegistered} revision 1 to revision 2: revision 2 always states the space's reminder lead. Spaces
 * registered before the lead was recorded (revision-1 payloads without {@code reminderLead}) reminded their
 * members a day ahead, as every space did then, so that is what they are read as. A revision-1 payload that
 * already has a lead keeps it. The day is written here as history, not taken from today's default for new
 * spaces, which may change. See decision 20.
 */
public final class SpaceRegisteredReminderLeadUpcaster extends SingleEventUpcaster {

    /** The stored type name, which outlives any renaming of the record (platform does not see the record). */
    static final String TYPE = "com.coworkly.events.catalogue.SpaceRegistered";

    static final String LEAD_BEFORE_IT_WAS_RECORDED = "PT24H";

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                REVISION_2, JsonNode.class, SpaceRegisteredReminderLeadUpcaster::withReminderLead);
    }

    private static JsonNode withReminderLead(JsonNode revision1) {
        ObjectNode revision2 = ((ObjectNode) revision1).deepCopy();
        if (!revision2.hasNonNull("reminderLead")) {
            revision2.put("reminderLead", LEAD_BEFORE_IT_WAS_RECORDED);
        }
        return revision2;
    }
}
