package com.coworkly.platform.axon.upcasting;

import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.platform.axon.AxonStorageConfiguration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored revision-1 invoices (files under {@code stored-events/}) are read as revision 2 through the chain. */
class InvoiceIssuedPaidOnUpcasterTest {

    private final Serializer eventSerializer = new AxonStorageConfiguration().eventSerializer();
    private final EventUpcasterChain chain = new EventUpcasterChain(new InvoiceIssuedPaidOnUpcaster());

    @Test
    void aRevisionOneInvoiceWasPaidTheDayItWasIssued() throws IOException {
        InvoiceIssued read = readThroughTheChain(stored("InvoiceIssued-revision-1.json"), "1");

        assertThat(read.kind()).isEqualTo(InvoiceKind.INVOICE);
        assertThat(read.paidOn()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(read.number()).isEqualTo("AMS-2026-000001");
    }

    @Test
    void aRevisionOneCreditNoteIsNotPaid() throws IOException {
        InvoiceIssued read = readThroughTheChain(stored("InvoiceIssued-revision-1-credit-note.json"), "1");

        assertThat(read.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(read.paidOn()).isNull();
    }

    /** What revision 1 did not name stays unnamed: the document is read as it was issued. */
    @Test
    void aRevisionOneInvoiceNamesNoSellerNorBuyer() throws IOException {
        InvoiceIssued read = readThroughTheChain(stored("InvoiceIssued-revision-1.json"), "1");

        assertThat(read.seller()).isNull();
        assertThat(read.buyer()).isNull();
        assertThat(read.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isNull();
            assertThat(line.suppliedOn()).isNull();
        });
    }

    @Test
    void theUpcastEventIsTheCurrentRevision() throws IOException {
        List<IntermediateEventRepresentation> upcast = chain.upcast(
                        Stream.of(representation(stored("InvoiceIssued-revision-1.json"), "1")))
                .toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getName()).isEqualTo(InvoiceIssued.class.getName());
            assertThat(event.getType().getRevision()).isEqualTo("2");
        });
    }

    @Test
    void aRevisionTwoInvoiceDueIsNotMadePaid() throws IOException {
        InvoiceIssued paid = readThroughTheChain(stored("InvoiceIssued-revision-1.json"), "1");
        InvoiceIssued due = new InvoiceIssued(
                paid.bookingId(),
                paid.invoiceId(),
                paid.kind(),
                paid.number(),
                paid.spaceId(),
                paid.memberId(),
                paid.issuedOn(),
                paid.vatRatePercent(),
                paid.lines(),
                paid.net(),
                paid.vat(),
                paid.gross(),
                null,
                null,
                null,
                null,
                null);
        SerializedObject<byte[]> stored = eventSerializer.serialize(due, byte[].class);

        assertThat(readThroughTheChain(stored.getData(), stored.getType().getRevision()))
                .isEqualTo(due);
    }

    private InvoiceIssued readThroughTheChain(byte[] payload, String revision) {
        List<IntermediateEventRepresentation> upcast =
                chain.upcast(Stream.of(representation(payload, revision))).toList();
        assertThat(upcast).hasSize(1);
        return eventSerializer.deserialize(upcast.get(0).getData());
    }

    private InitialEventRepresentation representation(byte[] payload, String revision) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "Booking",
                        "booking-1",
                        3,
                        "event-1",
                        Instant.parse("2026-11-28T09:00:00Z"),
                        InvoiceIssued.class.getName(),
                        revision,
                        payload,
                        "{}".getBytes(StandardCharsets.UTF_8)),
                eventSerializer);
    }

    private static byte[] stored(String name) throws IOException {
        try (InputStream in = InvoiceIssuedPaidOnUpcasterTest.class.getResourceAsStream("/stored-events/" + name)) {
            return in.readAllBytes();
        }
    }
}
