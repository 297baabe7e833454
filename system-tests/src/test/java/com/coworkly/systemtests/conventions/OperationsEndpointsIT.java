package com.coworkly.systemtests.conventions;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static com.coworkly.systemtests.support.Catalogue.aSpace;
import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client developers find on both services without a token. */
@ExtendWith(SharedSystem.class)
class OperationsEndpointsIT {

    private Api api;

    @BeforeEach
    void connect(RunningSystem system) {
        api = system.api();
    }

    @Test
    void bothServicesReportTheirHealth() {
        assertThat(api.commandSide()
                        .get("/actuator/health")
                        .expectStatus(200)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(api.querySide()
                        .get("/actuator/health")
                        .expectStatus(200)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void axonsMetricsAreExportedForPrometheus() {
        long position = api.commandSide()
                .as(api.signIn(Api.ADMIN))
                .post("/api/spaces", aSpace("Metered " + UUID.randomUUID()))
                .expectStatus(201)
                .eventPosition();
        api.querySide()
                .as(api.signIn(Api.MEMBER))
                .get("/api/spaces?after=" + position)
                .expectStatus(200);

        assertThat(api.commandSide()
                        .get("/actuator/prometheus")
                        .expectStatus(200)
                        .raw())
                .contains(
                        "commandBus_allTimer_seconds_count{application=\"command-side\",payloadType=\"RegisterSpace\"}");
        assertThat(api.querySide().get("/actuator/prometheus").expectStatus(200).raw())
                .contains(
                        "eventProcessor_allTimer_seconds_count{application=\"query-side\",payloadType=\"SpaceRegistered\","
                                + "processorName=\"catalogue\"}");
    }

    @Test
    void bothServicesPublishTheirOpenApiDocumentAndUi() {
        assertThat(api.commandSide()
                        .get("/v3/api-docs")
                        .expectStatus(200)
                        .body()
                        .get("paths")
                        .has("/api/spaces"))
                .isTrue();
        assertThat(api.querySide()
                        .get("/v3/api-docs")
                        .expectStatus(200)
                        .body()
                        .get("paths")
                        .has("/api/spaces"))
                .isTrue();
        assertThat(api.commandSide()
                        .get("/swagger-ui/index.html")
                        .expectStatus(200)
                        .raw())
                .contains("Swagger UI");
        assertThat(api.querySide()
                        .get("/swagger-ui/index.html")
                        .expectStatus(200)
                        .raw())
                .contains("Swagger UI");
    }
}
