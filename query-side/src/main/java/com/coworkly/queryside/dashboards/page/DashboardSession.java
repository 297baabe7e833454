package com.coworkly.queryside.dashboards.page;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The dashboard page's sign-in: the same JWT an app sends as a bearer header, kept by the browser in a cookie that
 * scripts cannot read (HttpOnly), that no other site's page or form can make it send (SameSite=Strict), that goes
 * only to the page's own paths, only over TLS when the page was reached over TLS, and that lives as long as the
 * token. Nothing is kept on the server: the query side stays stateless.
 */
@Component
class DashboardSession {

    static final String COOKIE = "coworkly_dashboard";

    Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie ->
                        COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank())
                .map(Cookie::getValue)
                .findFirst();
    }

    void open(HttpServletRequest request, HttpServletResponse response, String token, Duration lifetime) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, token, lifetime).toString());
    }

    void close(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration lifetime) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path(DashboardPageSecurity.PAGE)
                .maxAge(lifetime)
                .build();
    }
}
