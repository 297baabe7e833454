package com.coworkly.queryside.operations;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DeadLetterConfiguration {

    /** For every read model whose processor has {@code dlq.enabled} (all of them, see application.yml). */
    @Bean
    ConfigurerModule logParkedEvents() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultDeadLetterPolicy(configuration -> new LoggedDeadLetterPolicy());
    }
}
