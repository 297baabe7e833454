package com.coworkly.platform.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code InvoiceIssued} revision 1 to revision 2: revision 2 says whether an invoice is paid ({@code paidOn}).
 * Before it, every invoice was issued for money already taken: a booking's when its payment was confirmed, a late
 * fee's out of the paid price it was kept from. So a revision-1 invoice was paid the day it was issued, and is
 * read so; a credit note is never paid. Seller and buyer, which revision 1 did not name, stay absent: those
 * documents named the space and the member's id, and are read as they were issued (decision 37).
 */
public final class InvoiceIssuedPaidOnUpcaster extends SingleEventUpcaster {

    /** The stored type name, which outlives any renaming of the record (platform does not see the record). */
    static final String TYPE = "com.coworkly.events.invoicing.InvoiceIssued";

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, InvoiceIssuedPaidOnUpcaster::withPaidOn);
    }

    private static JsonNode withPaidOn(JsonNode revision1) {
        ObjectNode revision2 = ((ObjectNode) revision1).deepCopy();
        if ("INVOICE".equals(revision2.path("kind").asText()) && !revision2.hasNonNull("paidOn")) {
            revision2.set("paidOn", revision2.get("issuedOn"));
        }
        return revision2;
    }
}
