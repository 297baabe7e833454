package com.coworkly.queryside.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;

@Configuration
class AxonConfiguration {

    /**
     * A segment that receives only other segments' events stores its advanced token only when it extends its
     * claim, every five seconds by default. Read-your-writes waits until every segment has passed a position,
     * so that interval bounds how long an {@code ?after=} query can wait; a short one costs one small token
     * update per idle segment per interval.
     */
    @Bean
    ConfigurerModule storeIdleSegmentTokensPromptly(
            @Value("${booking.processors.idle-token-interval:PT0.1S}") Duration interval) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(interval.toMillis()));
    }

    /**
     * New events reach every processor of an instance through one poller of the event store. After a poll that
     * found nothing Axon's default waits a second, so a booking showed up in availability (and an {@code ?after=}
     * query answered) up to a second after its command's 2xx. A short wait keeps that lag to milliseconds, for
     * an indexed query on {@code global_index} a few dozen times a second while nothing happens. Axon's
     * auto-configuration builds the event store with its defaults only, and steps back for the storage engine
     * too when an event store is given: both are built here as it builds them.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Value("${booking.processors.poll-interval:PT0.02S}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(pollInterval.toMillis())
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                          TransactionManager transactions, EventSchema schema) {
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
