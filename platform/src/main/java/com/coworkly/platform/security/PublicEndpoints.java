package com.coworkly.platform.security;

import java.util.List;

/**
 * The request paths (Ant patterns) of a service that anyone may call without a token. Every other path needs
 * a valid token, and each endpoint then states with {@code @PreAuthorize} which roles may call it.
 */
public record PublicEndpoints(List<String> patterns) {

    /** What every service serves openly: health, the OpenAPI documents and their UI. */
    public static final List<String> ALWAYS = List.of(
            "/actuator/health/**",
            "/actuator/health",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs/**",
            "/v3/api-docs",
            "/swagger-ui/**",
            "/swagger-ui.html",
            "/error");
}
