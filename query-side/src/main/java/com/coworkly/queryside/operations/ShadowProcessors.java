package com.coworkly.queryside.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the processor that rebuilds a read model into its shadow copies: a pooled streaming processor of its own
 * name ({@code <group>.rebuild}), from the first event, with a second instance of the projection's handlers, the
 * group's sequencing policy and as many segments as the live processor. Its handlers write through a
 * {@link WriteBehindJdbcTemplate}, so a batch's writes go out together. It has no dead-letter queue: an event its
 * handlers fail on, or a batch whose writes fail, fails the rebuild, and the live tables stay as they were.
 */
@Component
class ShadowProcessors {

    private final EventStore events;
    private final RebuildStorage storage;
    private final EventProcessingConfiguration processing;
    private final int batchSize;

    ShadowProcessors(
            EventStore events,
            RebuildStorage storage,
            EventProcessingConfiguration processing,
            @Value("${booking.projections.rebuild.batch-size:1000}") int batchSize) {
        this.events = events;
        this.storage = storage;
        this.processing = processing;
        this.batchSize = batchSize;
    }

    ShadowProcessor start(RebuildableReadModel model, int segments) {
        String name = ShadowTables.shadowProcessorName(model.processingGroup());
        AtomicReference<Exception> failure = new AtomicReference<>();
        SimpleEventHandlerInvoker handlers = SimpleEventHandlerInvoker.builder()
                .eventHandlers(model.handlersWritingTo()
                        .apply(storage.writeBehind(exception -> failure.compareAndSet(null, exception))))
                .sequencingPolicy(processing.sequencingPolicy(model.processingGroup()))
                .listenerInvocationErrorHandler((exception, event, handler) -> {
                    failure.compareAndSet(null, exception);
                    throw exception;
                })
                .build();
        ScheduledExecutorService coordinator =
                Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, name + "-coordinator"));
        ScheduledExecutorService workers =
                Executors.newScheduledThreadPool(segments, runnable -> new Thread(runnable, name + "-worker"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(handlers)
                .messageSource(events)
                .tokenStore(storage.tokens())
                .transactionManager(storage.transactions())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                // Progress is read from the stored tokens: idle segments store theirs promptly too.
                .claimExtensionThreshold(100)
                .build();
        processor.start();
        return new ShadowProcessor(processor, coordinator, workers, failure);
    }
}
