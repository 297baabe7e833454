package com.coworkly.queryside.dashboards.page;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Signs a manager in at the issuer's token endpoint, server-side, the way the apps do: the page's sign-in form
 * posts here, and the browser never talks to the command side. The issuer is the one whose tokens this service
 * trusts, so the token is the same identity the API accepts.
 */
@Component
class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    sealed interface Outcome {}

    record SignedIn(String token, Duration lifetime) implements Outcome {}

    /** The issuer said no: an unknown email, a wrong password, or input it refuses. */
    record Refused() implements Outcome {}

    /** The issuer stopped checking passwords for this account or for this service's address for a while. */
    record TooManyAttempts() implements Outcome {}

    /** The issuer could not be asked, or answered something unexpected. */
    record Unavailable() implements Outcome {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TokenAnswer(String access_token, long expires_in) {}

    private final RestClient http;
    private final URI endpoint;

    TokenEndpoint(
            @Value("${booking.dashboard.token-endpoint}") URI endpoint,
            @Value("${booking.dashboard.sign-in-timeout:PT5S}") Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests).build();
        this.endpoint = endpoint;
    }

    Outcome signIn(String username, String password) {
        try {
            return http.post()
                    .uri(endpoint)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", username, "password", password))
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isSameCodeAs(HttpStatus.OK)) {
                            TokenAnswer answer = response.bodyTo(TokenAnswer.class);
                            return answer == null || answer.access_token() == null
                                    ? new Unavailable()
                                    : new SignedIn(answer.access_token(), Duration.ofSeconds(answer.expires_in()));
                        }
                        if (response.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
                            return new TooManyAttempts();
                        }
                        if (response.getStatusCode().is4xxClientError()) {
                            return new Refused();
                        }
                        log.warn(
                                "The token endpoint {} answered {} to a dashboard sign-in",
                                endpoint,
                                response.getStatusCode().value());
                        return new Unavailable();
                    });
        } catch (RestClientException e) {
            // Unreachable or too slow: the manager is told to try again; the cause is for the operators.
            log.warn("The token endpoint {} could not be asked for a dashboard sign-in: {}", endpoint, e.toString());
            return new Unavailable();
        }
    }
}
