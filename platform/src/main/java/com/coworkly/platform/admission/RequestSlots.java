package com.coworkly.platform.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests one instance serves at once: at most {@code limit} in flight, and at most {@code queue} more
 * waiting up to {@code maxWait} for one of them to finish. The JDK's fair {@link Semaphore} does the counting
 * and the timed wait in arrival order; the queue bound keeps the waiting requests from taking every servlet
 * thread, which the health checks and the refusals themselves need.
 */
final class RequestSlots implements MeterBinder {

    private final int limit;
    private final int queue;
    private final Duration maxWait;
    private final Semaphore slots;
    /** Requests that hold a slot or wait for one. */
    private final AtomicInteger occupants = new AtomicInteger();

    private final AtomicInteger refusals = new AtomicInteger();
    private Counter refused;

    RequestSlots(int limit, int queue, Duration maxWait) {
        if (limit < 1 || queue < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("admission needs limit >= 1, queue >= 0 and a wait >= 0, not " + limit
                    + ", " + queue + ", " + maxWait);
        }
        this.limit = limit;
        this.queue = queue;
        this.maxWait = maxWait;
        this.slots = new Semaphore(limit, true);
    }

    /** Takes a slot, waiting for one at most {@code maxWait}; {@code false} when none came free in time. */
    boolean tryEnter() {
        if (occupants.incrementAndGet() > limit + queue) {
            return refuse();
        }
        try {
            if (slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return refuse();
    }

    /** Gives back a slot taken by {@link #tryEnter()}. */
    void leave() {
        slots.release();
        occupants.decrementAndGet();
    }

    int limit() {
        return limit;
    }

    /** Requests waiting for a slot now (an estimate, as the JDK says). */
    int waiting() {
        return slots.getQueueLength();
    }

    int inFlight() {
        return limit - slots.availablePermits();
    }

    /** Refusals since the last call: what the log reports now and then. */
    int takeRefusals() {
        return refusals.getAndSet(0);
    }

    private boolean refuse() {
        occupants.decrementAndGet();
        refusals.incrementAndGet();
        if (refused != null) {
            refused.increment();
        }
        return false;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("booking.admission.limit", this, RequestSlots::limit)
                .description("Requests this instance serves at once")
                .register(registry);
        Gauge.builder("booking.admission.in.flight", this, RequestSlots::inFlight)
                .description("Requests holding a slot now")
                .register(registry);
        Gauge.builder("booking.admission.waiting", this, RequestSlots::waiting)
                .description("Requests waiting for a slot now")
                .register(registry);
        refused = Counter.builder("booking.admission.refused")
                .description("Requests answered 503 OVERLOADED because no slot came free in time")
                .register(registry);
    }
}
