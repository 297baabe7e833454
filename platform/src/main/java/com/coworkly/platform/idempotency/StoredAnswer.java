package com.coworkly.platform.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer given to the first request with a key: what a retry gets back. */
record StoredAnswer(int status, Map<String, String> headers, byte[] body) {

    /** Headers that describe the outcome; the rest (dates, connection handling) belong to each response. */
    private static final List<String> KEPT_HEADERS =
            List.of("Content-Type", "Location", "X-Event-Position", "Retry-After");

    static StoredAnswer of(ContentCachingResponseWrapper response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (response.getContentType() != null) {
            headers.put("Content-Type", response.getContentType());
        }
        return new StoredAnswer(response.getStatus(), headers, response.getContentAsByteArray());
    }

    void replayTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(body);
    }
}
