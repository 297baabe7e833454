package com.coworkly.platform.security;

import com.coworkly.platform.web.ConventionCode;
import com.coworkly.platform.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Both services are stateless OAuth2 resource servers: a bearer JWT from the configured issuer (the command
 * side's embedded one by default) identifies the caller; its {@code sub} is the member id and its roles claim
 * the roles. Refusals of the security layer are problem+json like every other refusal.
 */
@AutoConfiguration
@EnableMethodSecurity
public class ResourceServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResourceServerConfiguration.class);

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ObjectProvider<PublicEndpoints> publicEndpoints,
            ObjectMapper mapper,
            @Value("${booking.security.roles-claim:roles}") String rolesClaim)
            throws Exception {
        List<String> open = new java.util.ArrayList<>(PublicEndpoints.ALWAYS);
        publicEndpoints.orderedStream().forEach(endpoints -> open.addAll(endpoints.patterns()));
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(
                    response,
                    mapper,
                    HttpStatus.UNAUTHORIZED,
                    ConventionCode.UNAUTHENTICATED,
                    "A valid bearer token is required.");
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(rolesClaim)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response,
                                mapper,
                                HttpStatus.FORBIDDEN,
                                ConventionCode.FORBIDDEN,
                                "Your role does not allow this request."))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(tokenNotChecked(unauthenticated, mapper));
                                return filter;
                            }
                        }))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated));
        return http.build();
    }

    /**
     * No Micrometer observation around each filter of the security chain, nor around each authentication and
     * authorization: they were a measurable share of every request's CPU (docs/benchmarks.md, "Where a booking's time
     * goes") and nothing reads them. Each request is still observed once, as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Every {@link JwtDecoder} of the service — Spring Boot's for an external issuer, the command side's for its own —
     * checks a token once and then knows it until it expires or {@code max-age} has passed ({@link VerifiedTokens}).
     * A post-processor, so that each chain that decodes tokens (the dashboard page's too) shares the one cache.
     */
    @Bean
    static BeanPostProcessor verifiedTokens(Environment environment) {
        long maxSize = environment.getProperty("booking.security.verified-tokens.max-size", Long.class, 10_000L);
        Duration maxAge = Duration.parse(environment.getProperty("booking.security.verified-tokens.max-age", "PT5M"));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && maxSize > 0 && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder, maxSize, maxAge)
                        : bean;
            }
        };
    }

    /**
     * A service that checks tokens against an issuer's published key set (the query side always; the command side
     * with an external issuer) fetches it over HTTP when it starts and whenever a token names a key it has not
     * seen. Spring's default client waits for ever; an issuer that accepts the connection and never answers would
     * hold every request that needs the keys.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer keySetFetchTimeouts(
            @Value("${booking.security.jwks.connect-timeout:PT2S}") Duration connectTimeout,
            @Value("${booking.security.jwks.read-timeout:PT5S}") Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        RestTemplate http = new RestTemplate(requests);
        return builder -> builder.restOperations(http);
    }

    /**
     * A token that could not be checked — the issuer's key set could not be fetched in time — is not a bad token:
     * 503 {@code ISSUER_UNAVAILABLE} with {@code Retry-After}, so that the client keeps it and asks again. Spring's
     * default rethrows the failure, which ends as a 500. A token that was checked and is bad stays a 401.
     */
    private static AuthenticationFailureHandler tokenNotChecked(
            AuthenticationEntryPoint unauthenticated, ObjectMapper mapper) {
        return (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                log.warn("A bearer token could not be checked: {}", e.getMessage());
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                Problems.write(
                        response,
                        mapper,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ConventionCode.ISSUER_UNAVAILABLE,
                        "Your token cannot be checked right now; try again shortly.");
                return;
            }
            unauthenticated.commence(request, response, e);
        };
    }

    /** Turns a token's roles claim into {@code ROLE_} authorities; a service's own chains use it too. */
    public static JwtAuthenticationConverter rolesFrom(String rolesClaim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> authorities(jwt, rolesClaim));
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt, String rolesClaim) {
        List<String> roles = jwt.getClaimAsStringList(rolesClaim);
        if (roles == null) {
            return List.of();
        }
        return roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
