package com.coworkly.commandside.payment;

import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refunds that failed are parked in the {@code refunds} processor's dead-letter queue
 * ({@code command_side.dead_letter_entry}, where operators see them with their cause), so that one refund the
 * provider refuses does not hold up the others. This retries the parked ones, one sequence at a time, until
 * the provider takes them.
 */
@Component
class RefundRetries {

    private static final Logger log = LoggerFactory.getLogger(RefundRetries.class);

    private final EventProcessingConfiguration processing;

    RefundRetries(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Scheduled(
            fixedDelayString = "${booking.refunds.retry-interval:PT1M}",
            initialDelayString = "${booking.refunds.retry-interval:PT1M}")
    void retryParkedRefunds() {
        processing.sequencedDeadLetterProcessor(RefundProcess.GROUP).ifPresent(parked -> {
            while (parked.processAny()) {
                log.info("A parked refund went through on retry");
            }
        });
    }
}
