package com.coworkly.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** An HTTP answer, with the parts the tests look at. */
public record Reply(String request, int status, HttpHeaders headers, String raw) {

    public JsonNode body() {
        if (raw == null || raw.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Api.JSON.readTree(raw);
        } catch (IOException e) {
            throw new AssertionError(request + " answered " + status + " with a body that is not JSON: " + raw, e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public String code() {
        return body().path("code").asText(null);
    }

    public long eventPosition() {
        String position = header("X-Event-Position");
        assertThat(position).as(request + " X-Event-Position").isNotNull();
        return Long.parseLong(position);
    }

    public Reply expectStatus(int expected) {
        assertThat(status).as(request + " answered " + raw).isEqualTo(expected);
        return this;
    }

    /** A refusal: the status, problem+json, and the stable code. */
    public Reply expectProblem(int expectedStatus, String expectedCode) {
        expectStatus(expectedStatus);
        assertThat(contentType()).as(request + " content type").startsWith("application/problem+json");
        assertThat(code()).as(request + " problem code in " + raw).isEqualTo(expectedCode);
        return this;
    }
}
