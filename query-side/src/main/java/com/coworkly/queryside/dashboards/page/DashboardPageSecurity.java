package com.coworkly.queryside.dashboards.page;

import com.coworkly.platform.security.ResourceServerConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Set;

/**
 * The dashboard page's own security filter chain, consulted before the API's for the page's paths. It
 * authenticates the same JWTs against the same issuer, but as a browser page needs: the token comes from the
 * page's cookie ({@link DashboardSession}) as well as from a bearer header; whoever is not signed in, or whose
 * token has expired, is sent to the sign-in form instead of getting a 401 problem; and its forms carry a CSRF
 * token (double-submit cookie), because a cookie, unlike a bearer header, is sent by the browser on its own.
 * Reasons in docs/dashboards.md.
 */
@Configuration
class DashboardPageSecurity {

    static final String PAGE = "/dashboard";
    static final String SIGN_IN = PAGE + "/sign-in";
    static final String SIGN_OUT = PAGE + "/sign-out";
    static final String STYLES = PAGE + "/dashboard.css";

    /** Reachable signed out, and never looking at the cookie, so an expired token cannot lock anyone out of them. */
    private static final Set<String> OPEN = Set.of(SIGN_IN, SIGN_OUT, STYLES);

    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain dashboardPageFilterChain(
            HttpSecurity http,
            DashboardSession session,
            @Value("${booking.security.roles-claim:roles}") String rolesClaim)
            throws Exception {
        AuthenticationEntryPoint toSignIn = (request, response, e) -> {
            boolean expired = e instanceof OAuth2AuthenticationException;
            if (expired) {
                session.close(request, response);
            }
            response.sendRedirect(signInAddress(request, expired));
        };
        // A form without a valid CSRF token (one kept open past the token cookie, or forged) starts over.
        AccessDeniedHandler startOver = (request, response, e) -> response.sendRedirect(SIGN_IN);
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("coworkly_dashboard_csrf");
        csrfTokens.setCookiePath(PAGE);
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.securityMatcher(PAGE, PAGE + "/**")
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .authorizeHttpRequests(requests -> requests.requestMatchers(OPEN.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(tokens(session))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(ResourceServerConfiguration.rolesFrom(rolesClaim)))
                        .authenticationEntryPoint(toSignIn))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(toSignIn).accessDeniedHandler(startOver))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)));
        return http.build();
    }

    /** A bearer header as everywhere else, else the page's cookie; none on the open paths. */
    private static BearerTokenResolver tokens(DashboardSession session) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            if (OPEN.contains(request.getRequestURI())) {
                return null;
            }
            String bearer = header.resolve(request);
            return bearer != null ? bearer : session.token(request).orElse(null);
        };
    }

    /** Back to the page the manager asked for after signing in, if it was a page view. */
    private static String signInAddress(HttpServletRequest request, boolean expired) {
        UriComponentsBuilder address = UriComponentsBuilder.fromPath(SIGN_IN);
        if ("GET".equals(request.getMethod()) && PAGE.equals(request.getRequestURI())) {
            String query = request.getQueryString();
            address.queryParam("next", "{next}");
            if (expired) {
                address.queryParam("expired");
            }
            return address.encode()
                    .buildAndExpand(query == null ? PAGE : PAGE + "?" + query)
                    .toUriString();
        }
        return (expired ? address.queryParam("expired") : address).toUriString();
    }
}
