package com.coworkly.queryside.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;

@Configuration
class AxonConfiguration {

    /**
     * Every pooled processor (Axon keeps one such default, so both settings are made here):
     * <ul>
     *   <li>A segment that receives only other segments' events stores its advanced token only when it extends its
     *   claim, every five seconds by default. Read-your-writes waits until every segment has passed a position,
     *   so that interval bounds how long an {@code ?after=} query can wait; a short one costs one small token
     *   update per idle segment per interval.</li>
     *   <li>Without a limit the first instance claims every segment and the others idle; with it, the live
     *   instances share them (see {@link FairShareOfSegments}, docs/scaling.md).</li>
     *   <li>Each claim round releases a surplus and claims free segments. Axon's 5 s between rounds would leave a
     *   segment that a stopping instance released unprocessed for up to 5 s, as long as an {@code ?after=} query
     *   waits; a round costs one read of the token table per processor.</li>
     * </ul>
     */
    @Bean
    ConfigurerModule pooledProcessorDefaults(
            @Value("${booking.processors.idle-token-interval:PT0.1S}") Duration idleTokenInterval,
            @Value("${booking.processors.claim-interval:PT1S}") Duration claimInterval,
            LiveInstances instances) {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.claimExtensionThreshold(idleTokenInterval.toMillis())
                                .tokenClaimInterval(claimInterval.toMillis())
                                .maxSegmentProvider(new FairShareOfSegments(instances::alive, instances::segmentsOf)));
    }

    /**
     * The query side only reads the event store: the command side appends. Axon's embedded event store learns of
     * events appended in its own JVM at once, of anyone else's only when it next polls, by default a second after
     * it last found nothing. That second was most of the projection lag (decision 27); a poll is one indexed query
     * for rows past the last position, shared by every processor of this instance, so polling every 50 ms costs 20
     * small queries a second when idle. Otherwise as Axon's Spring Boot auto-configuration builds it.
     */
    @Bean
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration axon,
            @Value("${booking.event-store.fetch-delay:PT0.05S}") Duration fetchDelay) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis());
        return new RecheckingEventStore(builder);
    }

    /**
     * Axon's JDBC auto-configuration steps back once an event store is declared, so its storage engine is declared
     * here as that auto-configuration builds it.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver exceptions,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration axon,
            ConnectionProvider connections,
            TransactionManager transactions,
            EventSchema schema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .build();
    }

    /** Axon's Spring support hands every enhancer bean to its handler definition; see the class for why. */
    @Bean
    HandlerEnhancerDefinition savepointPerEventHandler(PlatformTransactionManager transactions) {
        return new SavepointPerEventHandler(transactions);
    }
}
