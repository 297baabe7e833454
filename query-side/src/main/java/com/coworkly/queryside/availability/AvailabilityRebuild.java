package com.coworkly.queryside.availability;

import com.coworkly.queryside.operations.RebuildableReadModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The availability tables, rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class AvailabilityRebuild {

    @Bean
    RebuildableReadModel availabilityReadModel(ObjectMapper json) {
        return new RebuildableReadModel(
                AvailabilityProjection.GROUP,
                List.of("availability_space", "availability_resource", "occupied_period"),
                jdbc -> new AvailabilityProjection(jdbc, json));
    }
}
