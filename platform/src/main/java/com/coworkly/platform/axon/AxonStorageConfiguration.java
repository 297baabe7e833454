package com.coworkly.platform.axon;

import com.coworkly.platform.audit.AuditMetaData;
import com.coworkly.platform.audit.AuditTrail;
import com.coworkly.platform.axon.upcasting.InvoiceIssuedPaidOnUpcaster;
import com.coworkly.platform.axon.upcasting.SpaceRegisteredReminderLeadUpcaster;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * How both services store and read Axon's messages in PostgreSQL. The event store lives in the
 * {@code event_store} schema, which the command side migrates and the query side only reads; every other
 * Axon table (tokens, dead letters, sagas) lives in the service's own schema, found through the connection's
 * search path. Names are snake_case because Axon's JDBC defaults are camelCase and PostgreSQL would fold them.
 */
@AutoConfiguration
@AutoConfigureBefore(
        name = {
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"
        })
public class AxonStorageConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("event_store.domain_event_entry")
                .snapshotTable("event_store.snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Axon's default resolver does not know PostgreSQL's unique violation (SQLState 23505): without this, two
     * instances appending to one aggregate get a non-transient error instead of a retryable
     * {@code ConcurrencyException}, and a duplicate create is not recognised as such.
     */
    /**
     * Older revisions of stored events are read as the current ones. Axon's Spring Boot configuration hands every
     * {@link EventUpcaster} bean to its upcaster chain, and its JDBC storage engine reads through that chain, so
     * aggregates, tracking processors and replays of both services see only current revisions. Readers of
     * stored events outside Axon (the audit API) take these beans too. Upcasters run in the order they are
     * declared here: oldest change first. See "Changing an event" in docs/architecture.md.
     */
    @Bean
    EventUpcaster spaceRegisteredReminderLead() {
        return new SpaceRegisteredReminderLeadUpcaster();
    }

    @Bean
    EventUpcaster invoiceIssuedPaidOn() {
        return new InvoiceIssuedPaidOnUpcaster();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon gets its own mapper: Boot's MVC mapper is tuned for the REST API and Axon would mutate it. Fields,
     * not getters, are what is stored, so records and aggregate snapshots round-trip without annotations.
     * Upcasters see a payload as this mapper's {@code JsonNode} tree: decimals are read into it as exact
     * {@code BigDecimal}s with their scale (a VAT rate of 21.00 must not come out as the double 21.0 or as 21).
     */
    static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    /**
     * Every event carries the id of the message that caused it ({@code causationId}) and of the first message of
     * its chain ({@code correlationId}). Axon's own names for these are "correlation id" and "trace id"; the keys
     * are renamed to the terms the audit API and operators use (decision 19). Declaring any provider drops Axon's
     * default one, so this one is declared explicitly.
     */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider(AuditMetaData.CAUSATION_ID, AuditMetaData.CORRELATION_ID);
    }

    /** Who asked, through which command, in which HTTP request: see {@link AuditTrail}. */
    @Bean
    CorrelationDataProvider auditTrail() {
        return new AuditTrail();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    /** Public so that readers of stored events outside Axon (the audit API, tests) read them the same way. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }
}
