package com.coworkly.queryside.audit;

import java.util.Map;
import java.util.Optional;

/**
 * An aggregate's state rebuilt from its events alone, for auditors: what the aggregate had decided by then,
 * not what the command side keeps to decide with. A pure fold, so the same events always give the same state.
 */
interface StateFold {

    void apply(Object event);

    Map<String, Object> view();

    static Optional<StateFold> forAggregateType(String aggregateType) {
        return Optional.ofNullable(
                switch (aggregateType == null ? "" : aggregateType) {
                    case "Booking" -> new BookingFold();
                    case "BookingSeries" -> new SeriesFold();
                    case "Resource" -> new ResourceFold();
                    case "Space" -> new SpaceFold();
                    case "Member" -> new MemberFold();
                    case "Plan" -> new PlanFold();
                    case "Membership" -> new MembershipFold();
                    case "CreditAccount" -> new CreditAccountFold();
                    case "Company" -> new CompanyFold();
                    case "CompanyBill" -> new CompanyBillFold();
                    default -> null;
                });
    }
}
