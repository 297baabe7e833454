package com.coworkly.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/** Builds RFC 9457 problems that always carry a stable {@code code}. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, ProblemCode code, String detail) {
        return of(status, code.name(), detail);
    }

    /** For a code derived from an HTTP status that no refusal names, e.g. {@code HTTP_418}. */
    static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(
                "https://coworkly.example/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    /** For filters, which answer before Spring MVC's exception handling is reached. */
    public static void write(
            HttpServletResponse response, ObjectMapper mapper, HttpStatus status, ProblemCode code, String detail)
            throws IOException {
        write(response, mapper, of(status, code, detail));
    }

    static void write(HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
