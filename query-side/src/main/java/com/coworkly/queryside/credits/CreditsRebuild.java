package com.coworkly.queryside.credits;

import com.coworkly.queryside.operations.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The credit ledgers' tables, rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class CreditsRebuild {

    @Bean
    RebuildableReadModel creditsReadModel() {
        return new RebuildableReadModel(
                CreditsProjection.GROUP, List.of("credit_grant_view", "credit_entry_view"), CreditsProjection::new);
    }
}
