package com.coworkly.queryside.audit;

import java.time.Instant;
import java.util.Optional;

/** What an operator searches events by; every part is optional and they all must hold. */
record AuditFilter(
        Optional<String> aggregateType,
        Optional<String> actorId,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> correlationId,
        Optional<String> requestId) {}
