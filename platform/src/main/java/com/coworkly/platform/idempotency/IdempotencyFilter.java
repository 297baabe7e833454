package com.coworkly.platform.idempotency;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.web.ConventionCode;
import com.coworkly.platform.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Makes every POST that carries an {@code Idempotency-Key} safe to retry: the first request runs, its answer
 * is kept, and any later request with the same key from the same caller gets that answer again without
 * running. A retry that arrives while the original still runs waits for its answer. Answers of 5xx are not
 * kept, so that a retry after a failure runs again; so is a retry after the instance running the original died
 * before answering, once the original's claim is no longer leased (see {@link ClaimLeases}).
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private final IdempotentRequests requests;
    private final ClaimLeases leases;
    private final ObjectMapper mapper;
    private final Set<String> excludedPaths;
    private final Duration waitForOriginal;

    IdempotencyFilter(
            IdempotentRequests requests,
            ClaimLeases leases,
            ObjectMapper mapper,
            Set<String> excludedPaths,
            Duration waitForOriginal) {
        this.requests = requests;
        this.leases = leases;
        this.mapper = mapper;
        this.excludedPaths = excludedPaths;
        this.waitForOriginal = waitForOriginal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || excludedPaths.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            Problems.write(
                    response,
                    mapper,
                    HttpStatus.BAD_REQUEST,
                    ConventionCode.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
            return;
        }
        CachedBodyRequest cached = CachedBodyRequest.of(request);
        RequestIdentity identity = new RequestIdentity(
                CurrentCaller.fromSecurityContext().map(CurrentCaller::memberId).orElse("anonymous"),
                key,
                RequestIdentity.fingerprint(request.getMethod(), request.getRequestURI(), cached.body()));

        Instant giveUpAt = Instant.now().plus(waitForOriginal);
        while (true) {
            if (requests.claim(identity, leases.lease())) {
                runAndRemember(identity, cached, response, chain);
                return;
            }
            Optional<IdempotentRequests.Recorded> recorded = requests.find(identity);
            if (recorded.isPresent() && !recorded.get().fingerprint().equals(identity.fingerprint())) {
                Problems.write(
                        response,
                        mapper,
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        ConventionCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request.");
                return;
            }
            if (recorded.isPresent() && recorded.get().answer().isPresent()) {
                recorded.get().answer().get().replayTo(response);
                return;
            }
            if (Instant.now().isAfter(giveUpAt)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                Problems.write(
                        response,
                        mapper,
                        HttpStatus.CONFLICT,
                        ConventionCode.IDEMPOTENT_REQUEST_IN_PROGRESS,
                        "The original request with this Idempotency-Key is still being processed.");
                return;
            }
            pause();
        }
    }

    private void runAndRemember(
            RequestIdentity identity, CachedBodyRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        leases.running(identity);
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500) {
                requests.remember(identity, StoredAnswer.of(captured));
                remembered = true;
            }
        } finally {
            try {
                if (!remembered) {
                    requests.release(identity);
                }
            } finally {
                leases.finished(identity);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the original request", e);
        }
    }
}
