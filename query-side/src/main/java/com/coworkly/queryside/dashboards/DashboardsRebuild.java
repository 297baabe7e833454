package com.coworkly.queryside.dashboards;

import com.coworkly.queryside.operations.RebuildableReadModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The dashboards' tables, rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class DashboardsRebuild {

    @Bean
    RebuildableReadModel dashboardsReadModel(ObjectMapper json) {
        return new RebuildableReadModel(DashboardProjection.GROUP,
                List.of("dashboard_space", "dashboard_manager", "dashboard_resource", "dashboard_opening_hours",
                        "dashboard_block", "dashboard_booking", "dashboard_day", "dashboard_hour", "dashboard_member_day"),
                jdbc -> new DashboardProjection(jdbc, json));
    }
}
