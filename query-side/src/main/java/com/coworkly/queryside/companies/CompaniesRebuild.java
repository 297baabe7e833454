package com.coworkly.queryside.companies;

import com.coworkly.queryside.operations.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The companies read model's tables, rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class CompaniesRebuild {

    @Bean
    RebuildableReadModel companiesReadModel() {
        return new RebuildableReadModel(
                CompaniesProjection.GROUP,
                List.of(
                        "company_view",
                        "company_administrator_view",
                        "company_seat_view",
                        "company_booking_view",
                        "company_plan_view"),
                CompaniesProjection::new);
    }
}
