package com.coworkly.platform.limits;

import com.coworkly.platform.idempotency.CachedBodyRequest;
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

import java.io.IOException;

/**
 * Refuses a request body over the limit before anything reads it: by its Content-Length when it declares one,
 * and otherwise (chunked) by reading at most one byte more than the limit. Nothing behind this filter — the
 * idempotency filter, Jackson, a controller — ever holds more than the limit in memory.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final RequestBodyLimits limits;
    private final ObjectMapper mapper;

    RequestBodyLimitFilter(RequestBodyLimits limits, ObjectMapper mapper) {
        this.limits = limits;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, limit);
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                refuse(response, limit);
                return;
            }
            chain.doFilter(CachedBodyRequest.of(request, body), response);
            return;
        }
        // With a Content-Length within the limit the container delivers no more than that.
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        // The rest of the body is not read; the connection is not worth keeping for the next request.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        Problems.write(
                response,
                mapper,
                HttpStatus.PAYLOAD_TOO_LARGE,
                ConventionCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit + " bytes.");
    }
}
