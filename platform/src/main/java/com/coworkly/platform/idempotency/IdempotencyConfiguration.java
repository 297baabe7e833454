package com.coworkly.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * Registers the idempotency filter right after Spring Security's chain (order -100), so the caller is
 * known when the key is scoped to them.
 */
@AutoConfiguration
@EnableScheduling
public class IdempotencyConfiguration {

    @Bean
    IdempotencyHousekeeping idempotencyHousekeeping(
            JdbcTemplate jdbc,
            @Value("${booking.idempotency.retention:P1D}") Duration retention,
            @Value("${booking.idempotency.abandoned-after:PT5M}") Duration abandonedAfter) {
        return new IdempotencyHousekeeping(jdbc, retention, abandonedAfter);
    }

    @Bean
    IdempotentRequests idempotentRequests(JdbcTemplate jdbc, ObjectMapper mapper) {
        return new IdempotentRequests(jdbc, mapper);
    }

    @Bean
    ClaimLeases idempotencyClaimLeases(
            IdempotentRequests requests, @Value("${booking.idempotency.claim-lease:PT10S}") Duration lease) {
        return new ClaimLeases(requests, lease);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotentRequests requests,
            ClaimLeases leases,
            ObjectMapper mapper,
            @Value("${booking.idempotency.excluded-paths:}") List<String> excludedPaths,
            @Value("${booking.idempotency.wait-for-original:PT10S}") Duration waitForOriginal) {
        IdempotencyFilter filter =
                new IdempotencyFilter(requests, leases, mapper, new HashSet<>(excludedPaths), waitForOriginal);
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        return registration;
    }
}
