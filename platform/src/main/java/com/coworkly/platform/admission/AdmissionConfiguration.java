package com.coworkly.platform.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Admission control in both services (decision 30). Its filter runs right after the request id is set, before
 * security and idempotency, so that a refused request costs neither a token check nor a database round trip.
 */
@AutoConfiguration
public class AdmissionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdmissionConfiguration.class);

    /**
     * {@code max-concurrent} 0 (the default) derives the limit: a request in flight mostly holds a pooled
     * connection or a core, so the pool's size plus the cores keeps both busy; beyond that a request would only
     * wait inside the instance, for a connection or for CPU. {@code max-queued} -1 (the default) lets as many wait
     * as keeps those in flight and those waiting within three quarters of Tomcat's threads: the other quarter
     * answers the probes and the refusals. The short wait, not the queue, is what sheds an overload.
     */
    @Bean
    RequestSlots requestSlots(
            DataSource dataSource,
            @Value("${booking.admission.max-concurrent:0}") int maxConcurrent,
            @Value("${booking.admission.max-queued:-1}") int maxQueued,
            @Value("${booking.admission.max-wait:PT0.5S}") Duration maxWait,
            @Value("${server.tomcat.threads.max:200}") int threads) {
        int limit = maxConcurrent > 0
                ? maxConcurrent
                : poolSize(dataSource) + Runtime.getRuntime().availableProcessors();
        int queue = maxQueued >= 0 ? maxQueued : Math.max(0, threads * 3 / 4 - limit);
        log.info("Admission: at most {} requests at once, {} more waiting up to {} for a slot", limit, queue, maxWait);
        return new RequestSlots(limit, queue, maxWait);
    }

    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(
            RequestSlots slots,
            ObjectMapper mapper,
            @Value("${booking.admission.retry-after:PT1S}") Duration retryAfter,
            @Value("${booking.admission.exempt-paths:/actuator,/.well-known}") List<String> exempt) {
        FilterRegistrationBean<AdmissionFilter> registration =
                new FilterRegistrationBean<>(new AdmissionFilter(slots, mapper, retryAfter, exempt));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    private static int poolSize(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            }
        } catch (SQLException e) {
            log.warn("Could not read the connection pool's size; admission assumes HikariCP's default", e);
        }
        return 10;
    }
}
