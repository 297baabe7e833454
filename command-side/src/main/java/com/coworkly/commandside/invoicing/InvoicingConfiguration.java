package com.coworkly.commandside.invoicing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NetworkSeller.class)
class InvoicingConfiguration {}
