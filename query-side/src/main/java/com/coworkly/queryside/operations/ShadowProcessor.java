package com.coworkly.queryside.operations;

import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** A running rebuild processor and the threads it owns. */
final class ShadowProcessor {

    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;
    private final AtomicReference<Exception> failure;

    ShadowProcessor(
            PooledStreamingEventProcessor processor,
            ScheduledExecutorService coordinator,
            ScheduledExecutorService workers,
            AtomicReference<Exception> failure) {
        this.processor = processor;
        this.coordinator = coordinator;
        this.workers = workers;
        this.failure = failure;
    }

    /** The first exception a handler threw; the processor retries the batch, the rebuild gives up. */
    Optional<Exception> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Stops after the batch in hand, with its tokens stored and their claims released. */
    void stop() {
        processor.shutDown();
        coordinator.shutdownNow();
        workers.shutdownNow();
    }
}
