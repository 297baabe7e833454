package com.coworkly.queryside.invoices;

import com.coworkly.queryside.operations.RebuildableReadModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The invoices' tables, rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class InvoicesRebuild {

    @Bean
    RebuildableReadModel invoicesReadModel(ObjectMapper json) {
        return new RebuildableReadModel(
                InvoicesProjection.GROUP,
                List.of("invoice_view", "invoice_space", "invoice_space_manager"),
                jdbc -> new InvoicesProjection(jdbc, json));
    }
}
