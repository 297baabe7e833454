package com.coworkly.queryside.audit;

import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.security.Role;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.web.RefusalCode;
import org.springframework.stereotype.Component;

/**
 * Who may audit: operators everything; the managers of a space the history and past states of that space's
 * bookings. Who manages a space is read from the space's own events, so the answer never lags behind a read
 * model. Everyone else learns nothing, not even whether the aggregate exists.
 */
@Component
class AuditReaders {

    static final class NotAnAuditor extends BusinessRefusal {
        NotAnAuditor() {
            super(
                    RefusalCode.NOT_AN_AUDITOR,
                    Kind.FORBIDDEN,
                    "Only operators audit events; managers may audit the bookings of their spaces.");
        }
    }

    private final AuditEvents events;
    private final EventPayloads payloads;

    AuditReaders(AuditEvents events, EventPayloads payloads) {
        this.events = events;
        this.payloads = payloads;
    }

    void requireOperator(CurrentCaller caller) {
        if (!caller.has(Role.OPERATOR)) {
            throw new NotAnAuditor();
        }
    }

    void requireMayAudit(CurrentCaller caller, AggregateHistory history) {
        if (caller.has(Role.OPERATOR) || managesSpaceOfBooking(caller, history)) {
            return;
        }
        throw new NotAnAuditor();
    }

    private boolean managesSpaceOfBooking(CurrentCaller caller, AggregateHistory history) {
        if (!"Booking".equals(history.aggregateType())) {
            return false;
        }
        return history.first()
                .map(payloads::read)
                .filter(BookingPlaced.class::isInstance)
                .map(BookingPlaced.class::cast)
                .map(placed -> {
                    SpaceFold space = new SpaceFold();
                    events.ofAggregate(placed.spaceId().value()).forEach(event -> space.apply(payloads.read(event)));
                    return space.isManagedBy(caller.memberId());
                })
                .orElse(false);
    }
}
