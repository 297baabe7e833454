package com.coworkly.queryside.config;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;

import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * How many of a pooled processor's segments this instance may hold: its fair share among the live query-side
 * instances, rounded up (2 segments, 2 instances: 1 each; 1 instance: both; 3 instances: 1 each, one idles).
 * Axon's coordinator asks at every claim round (every second here): holding more, it releases the surplus for
 * another instance to claim; holding fewer, it claims unclaimed segments up to the share. Before a processor's
 * tokens exist there is nothing to share.
 */
class FairShareOfSegments implements MaxSegmentProvider {

    private final IntSupplier liveInstances;
    private final Function<String, Integer> segmentsOf;

    FairShareOfSegments(IntSupplier liveInstances, Function<String, Integer> segmentsOf) {
        this.liveInstances = liveInstances;
        this.segmentsOf = segmentsOf;
    }

    @Override
    public int getMaxSegments(String processor) {
        Integer segments = segmentsOf.apply(processor);
        if (segments == null) {
            return Short.MAX_VALUE;
        }
        int instances = Math.max(1, liveInstances.getAsInt());
        return (segments + instances - 1) / instances;
    }
}
