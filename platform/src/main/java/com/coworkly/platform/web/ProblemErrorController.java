package com.coworkly.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what the servlet container sends to its error page instead of Spring MVC's exception handling: a
 * request the security firewall refuses (an encoded semicolon, a path with "..") and any other error sent before
 * a controller was reached. It replaces Spring Boot's own error controller, whose JSON has no {@code code}, so
 * that these answers are problems too, with the code of their status.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value && value >= 400 ? value : 500);
        return ResponseEntity.status(status).body(Problems.of(status, codeOf(status), detailOf(status)));
    }

    static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "HTTP_" + status.value()
                : known == HttpStatus.INTERNAL_SERVER_ERROR ? ConventionCode.INTERNAL_ERROR.name() : known.name();
    }

    static String detailOf(HttpStatusCode status) {
        return status.value() == 400
                ? "The request cannot be read as it was sent."
                : status.is5xxServerError()
                        ? "Something went wrong on our side; it has been logged."
                        : HttpStatus.resolve(status.value()) == null
                                ? null
                                : HttpStatus.resolve(status.value()).getReasonPhrase();
    }
}
