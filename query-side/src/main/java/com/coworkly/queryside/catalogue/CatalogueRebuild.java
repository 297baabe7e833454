package com.coworkly.queryside.catalogue;

import com.coworkly.queryside.operations.RebuildableReadModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The catalogue's tables, rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class CatalogueRebuild {

    @Bean
    RebuildableReadModel catalogueReadModel(ObjectMapper json) {
        return new RebuildableReadModel(
                CatalogueProjection.GROUP,
                List.of("space_view", "space_manager_view", "resource_view"),
                jdbc -> new CatalogueProjection(jdbc, json));
    }
}
