package com.coworkly.commandside.config;

import com.coworkly.platform.security.PublicEndpoints;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

@Configuration
class WebConfiguration {

    @Bean
    PublicEndpoints publicEndpoints() {
        return new PublicEndpoints(
                List.of("/api/auth/token", "/api/members", "/.well-known/**", "/api/payments/stripe/webhook"));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Coworkly booking — command side")
                        .description(
                                "Commands: catalogue, identity, bookings. Errors are application/problem+json "
                                        + "with a stable code; POSTs accept an Idempotency-Key; responses carry X-Event-Position.")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
