package com.coworkly.queryside.memberships;

import com.coworkly.queryside.operations.RebuildableReadModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The memberships read model's tables (plans and members' memberships), rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class MembershipsRebuild {

    @Bean
    RebuildableReadModel membershipsReadModel(ObjectMapper json) {
        return new RebuildableReadModel(
                MembershipsProjection.GROUP,
                List.of("plan_view", "membership_view"),
                jdbc -> new MembershipsProjection(jdbc, json));
    }
}
