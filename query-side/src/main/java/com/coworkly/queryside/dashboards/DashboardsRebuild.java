package com.coworkly.queryside.dashboards;

import com.coworkly.queryside.operations.RebuildableReadModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboards' tables, rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class DashboardsRebuild {

    @Bean
    RebuildableReadModel dashboardsReadModel(ObjectMapper json) {
        return new RebuildableReadModel(
                DashboardReadModel.GROUP, DashboardReadModel.TABLES, jdbc -> new DashboardProjection(jdbc, json));
    }
}
