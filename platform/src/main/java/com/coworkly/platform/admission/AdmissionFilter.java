package com.coworkly.platform.admission;

import com.coworkly.platform.web.ComeBackLater;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets a request in only with one of the instance's {@link RequestSlots}, and answers 503 {@code OVERLOADED}
 * with Retry-After to one that got none in time, instead of queueing it in the servlet container until the
 * client gives up. The actuator is never held back: an orchestrator probing a busy instance must find it alive;
 * nor is the issuer's key set, which the other service fetches to check tokens. A failure behind it that means
 * "come back later" and that no exception handler turned into an answer (a database pool timeout in a filter, a
 * key set that could not be fetched for the token check) is answered 503 with Retry-After too.
 */
class AdmissionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdmissionFilter.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final RequestSlots slots;
    private final ObjectMapper mapper;
    private final Duration retryAfter;
    private final List<String> exempt;
    private final AtomicReference<Instant> nextReport = new AtomicReference<>(Instant.MIN);

    /** {@code exempt}: path prefixes served whatever the load, e.g. {@code /actuator}. */
    AdmissionFilter(RequestSlots slots, ObjectMapper mapper, Duration retryAfter, List<String> exempt) {
        this.slots = slots;
        this.mapper = mapper;
        this.retryAfter = retryAfter;
        this.exempt = List.copyOf(exempt);
    }

    /** The actuator, and the issuer's key set that the other service needs to check any token. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return exempt.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!slots.tryEnter()) {
            report();
            ComeBackLater.writeOverloaded(response, mapper, retryAfter);
            return;
        }
        Runnable leave = once(slots::leave);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Optional<ProblemDetail> comeBackLater = ComeBackLater.problemFor(e);
            if (comeBackLater.isEmpty() || response.isCommitted()) {
                throw e;
            }
            log.warn("A dependency did not answer in time, answering 503: {}", e.toString());
            response.resetBuffer();
            ComeBackLater.write(response, mapper, comeBackLater.get(), retryAfter);
        } finally {
            if (request.isAsyncStarted()) {
                // A streamed answer (the audit's export) keeps its database connection until it completes.
                request.getAsyncContext().addListener(new Leaving(leave));
            } else {
                leave.run();
            }
        }
    }

    /** One WARN per ten seconds at most while refusing, with the count: a log line per refusal would flood. */
    private void report() {
        Instant now = Instant.now();
        Instant due = nextReport.get();
        if (now.isAfter(due) && nextReport.compareAndSet(due, now.plus(REPORT_EVERY))) {
            log.warn(
                    "Overloaded: {} requests answered 503 OVERLOADED since the last report ({} in flight, limit {})",
                    slots.takeRefusals(),
                    slots.inFlight(),
                    slots.limit());
        }
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private record Leaving(Runnable leave) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // Asynchronous processing started again: listen to its new cycle, which ends with its completion.
            event.getAsyncContext().addListener(this);
        }
    }
}
