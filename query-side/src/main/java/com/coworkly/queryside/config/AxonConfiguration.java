package com.coworkly.queryside.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;

@Configuration
class AxonConfiguration {

    /**
     * Every pooled processor (Axon keeps one such default, so both settings are made here):
     * <ul>
     *   <li>A segment that receives only other segments' events stores its advanced token only when it extends its
     *   claim, every five seconds by default. Read-your-writes waits until every segment has passed a position,
     *   so that interval bounds how long an {@code ?after=} query can wait; a short one costs one small token
     *   update per idle segment per interval.</li>
     *   <li>Without a limit the first instance claims every segment and the others idle; with it, the live
     *   instances share them (see {@link FairShareOfSegments}, docs/scaling.md).</li>
     *   <li>Each claim round releases a surplus and claims free segments. Axon's 5 s between rounds would leave a
     *   segment that a stopping instance released unprocessed for up to 5 s, as long as an {@code ?after=} query
     *   waits; a round costs one read of the token table per processor.</li>
     * </ul>
     */
    @Bean
    ConfigurerModule pooledProcessorDefaults(
            @Value("${booking.processors.idle-token-interval:PT0.1S}") Duration idleTokenInterval,
            @Value("${booking.processors.claim-interval:PT1S}") Duration claimInterval, LiveInstances instances) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(idleTokenInterval.toMillis())
                        .tokenClaimInterval(claimInterval.toMillis())
                        .maxSegmentProvider(new FairShareOfSegments(instances::alive, instances::segmentsOf)));
    }

    /** Axon's Spring support hands every enhancer bean to its handler definition; see the class for why. */
    @Bean
    HandlerEnhancerDefinition savepointPerEventHandler(PlatformTransactionManager transactions) {
        return new SavepointPerEventHandler(transactions);
    }
}
