package com.coworkly.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the shared problem+json translation into each service. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebConventionsConfiguration {
}
