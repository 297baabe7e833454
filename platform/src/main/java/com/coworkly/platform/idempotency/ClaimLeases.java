package com.coworkly.platform.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims this instance holds while their requests run, and the lease it keeps renewing on them. A claim
 * outlives its request only when the instance dies, or cannot reach the database to record the answer or give
 * the claim back; then its lease runs out within {@code lease}, and a retry of the request takes it over and runs
 * (decision 31). The lease (10 s by default) is renewed every 3 s, so a renewal or two missed while the database
 * restarts does not hand a running request to a retry.
 */
class ClaimLeases {

    private static final Logger log = LoggerFactory.getLogger(ClaimLeases.class);

    private final IdempotentRequests requests;
    private final Duration lease;
    private final Set<RequestIdentity> running = ConcurrentHashMap.newKeySet();

    ClaimLeases(IdempotentRequests requests, Duration lease) {
        this.requests = requests;
        this.lease = lease;
    }

    Duration lease() {
        return lease;
    }

    void running(RequestIdentity request) {
        running.add(request);
    }

    void finished(RequestIdentity request) {
        running.remove(request);
    }

    @Scheduled(fixedDelayString = "${booking.idempotency.claim-renewal-interval:PT3S}")
    void renew() {
        List<RequestIdentity> claims = List.copyOf(running);
        try {
            requests.renew(claims, lease);
        } catch (DataAccessException e) {
            log.warn(
                    "Could not renew the leases of {} idempotency claims; trying again shortly: {}",
                    claims.size(),
                    e.getMessage());
        }
    }
}
