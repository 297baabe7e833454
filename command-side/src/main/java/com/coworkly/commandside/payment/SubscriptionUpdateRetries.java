package com.coworkly.commandside.payment;

import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Subscription updates that the provider did not take are parked in the {@code subscription-updates} processor's
 * dead-letter queue ({@code command_side.dead_letter_entry}, with their cause), one membership's in order; this
 * retries them until the provider takes them, as {@link RefundRetries} does for refunds.
 */
@Component
class SubscriptionUpdateRetries {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionUpdateRetries.class);

    private final EventProcessingConfiguration processing;

    SubscriptionUpdateRetries(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Scheduled(
            fixedDelayString =
                    "${booking.memberships.subscription-updates.retry-interval:${booking.refunds.retry-interval:PT1M}}",
            initialDelayString =
                    "${booking.memberships.subscription-updates.retry-interval:${booking.refunds.retry-interval:PT1M}}")
    void retryParkedUpdates() {
        processing.sequencedDeadLetterProcessor(SubscriptionUpdates.GROUP).ifPresent(parked -> {
            while (parked.processAny()) {
                log.info("A parked subscription update went through on retry");
            }
        });
    }
}
