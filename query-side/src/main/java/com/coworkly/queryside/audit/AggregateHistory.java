package com.coworkly.queryside.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of one aggregate, oldest first, and its state as of a time: the fold of its events stamped at or
 * before that time.
 */
record AggregateHistory(String aggregateId, String aggregateType, List<StoredEvent> events) {

    Optional<StoredEvent> first() {
        return events.stream().findFirst();
    }

    AsOf stateAsOf(Instant asOf, EventPayloads payloads) {
        List<StoredEvent> upTo = events.stream()
                .filter(event -> !event.timestamp().isAfter(asOf))
                .toList();
        if (upTo.isEmpty()) {
            return new AsOf(aggregateId, aggregateType, asOf, 0, null, null, null);
        }
        StateFold fold = StateFold.forAggregateType(aggregateType)
                .orElseThrow(() -> new IllegalStateException("no state fold for aggregate type " + aggregateType));
        upTo.forEach(event -> fold.apply(payloads.read(event)));
        StoredEvent last = upTo.get(upTo.size() - 1);
        return new AsOf(
                aggregateId, aggregateType, asOf, upTo.size(), last.sequenceNumber(), last.timestamp(), fold.view());
    }

    /**
     * {@code state} is null when the aggregate did not exist yet at {@code asOf}; {@code lastSequenceNumber} and
     * {@code lastEventAt} name the newest event folded in.
     */
    record AsOf(
            String aggregateId,
            String aggregateType,
            Instant asOf,
            int eventsApplied,
            Long lastSequenceNumber,
            Instant lastEventAt,
            Map<String, Object> state) {}
}
