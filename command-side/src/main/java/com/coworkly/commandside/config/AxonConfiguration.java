package com.coworkly.commandside.config;

import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.commands.AppendedEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.tracing.SpanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

@Configuration
class AxonConfiguration {

    /**
     * Commands that lose an optimistic-locking race on an aggregate (a {@code ConcurrencyException}, which
     * needs the SQLState resolver of the platform module) are retried a few times before the caller sees it.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new RetryOnConcurrency(Executors.newScheduledThreadPool(1), 5, Duration.ofMillis(20)))
                .dispatchInterceptors(new ActorMetaData())
                .build();
    }

    /**
     * The command side's event handlers keep lookup tables inside the command's own transaction: they run in
     * subscribing processors by default (a tracking one would run later, in another transaction), and their
     * failures propagate. Axon's default error handler would only log a failure and let the command
     * "succeed"; propagating it rolls the whole command back instead.
     */
    @Bean
    ConfigurerModule failCommandsWhoseLookupsFail() {
        return configurer -> configurer
                .eventProcessing()
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Sagas (the payment process, later) are stored in snake_case tables of the command side's schema; Axon's
     * default names are camelCase and would not match the Flyway-created tables.
     */
    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * Durable deadlines in PostgreSQL through db-scheduler, as Axon's auto-configuration would make them, but
     * serializing a deadline's scope with a plain Jackson mapper: Axon's aggregate scope descriptor is written
     * for getter-based Jackson, and the field-based event mapper would store it without its aggregate id. Events
     * applied by a deadline carry the same audit metadata as those of a command, the deadline as their actor. An
     * aggregate's deadlines are found through an index rather than Axon's scan of all of them (decision 24).
     */
    @Bean
    DbSchedulerDeadlineManager axonDeadlineManager(
            Scheduler scheduler,
            org.axonframework.config.Configuration configuration,
            TransactionManager transactionManager,
            SpanFactory spanFactory,
            List<CorrelationDataProvider> correlationDataProviders) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(JacksonSerializer.builder()
                        .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                        .build())
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .build();
        // Without it a deadline's unit of work has no correlation data, and the events it applies no metadata.
        manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        return manager;
    }

    /**
     * What aggregates schedule and cancel through. Axon's manager stays a bean of its own: its db-scheduler task
     * looks it up by its type to run a deadline that falls due.
     */
    @Bean
    @Primary
    DeadlineManager deadlineManager(
            DbSchedulerDeadlineManager axonDeadlineManager, Scheduler scheduler, JdbcTemplate jdbc) {
        return new ScopeIndexedDeadlineManager(axonDeadlineManager, scheduler, jdbc);
    }

    /**
     * So that a command's answer names the newest event it appended, of any aggregate (AppendedEvents). Registered
     * once Axon's configuration is built, since the event bus itself depends on this configuration.
     */
    @Bean
    ConfigurerModule recordAppendedEvents(AppendedEvents appended) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                Phase.INSTRUCTION_COMPONENTS, () -> configuration.eventBus().registerDispatchInterceptor(appended)));
    }

    /** Spaces and resources live for years and collect changes; loading one never replays more than this. */
    @Bean
    SnapshotTriggerDefinition catalogueSnapshotTrigger(
            Snapshotter snapshotter, @Value("${booking.snapshots.catalogue-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * A credit ledger collects an event for every booking its credits pay and every one cancelled, for as long as
     * the member keeps a membership, and every placement by the member loads it: without snapshots a placement's
     * cost grows with the member's history (bench/booking's credit scenario, docs/benchmarks.md).
     */
    @Bean
    SnapshotTriggerDefinition ledgerSnapshotTrigger(
            Snapshotter snapshotter, @Value("${booking.snapshots.ledger-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
