package com.coworkly.queryside.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code booking_dead_letters{processingGroup=…}}: the events each read model has parked. Axon counts a parked event
 * as handled, so its failure counter does not show one; this is what an alert watches. Registered once
 * Axon has built its processors, which is what names the groups.
 */
@Component
class DeadLetterGauges {

    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    DeadLetterGauges(DeadLetters deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String group : deadLetters.groups()) {
            Gauge.builder("booking.dead.letters", deadLetters, letters -> letters.count(List.of(group)))
                    .tag("processingGroup", group)
                    .description("Events a read model's handler failed on, parked until an operator retries or "
                            + "evicts them")
                    .register(meters);
        }
    }
}
