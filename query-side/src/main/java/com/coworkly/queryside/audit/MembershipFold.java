package com.coworkly.queryside.audit;

import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPaymentFailed;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSubscriptionOpened;
import com.coworkly.events.membership.MembershipSuspended;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A membership: its member, plan (and the next, while a change is scheduled), status, subscription, and the invoices of the periods paid. */
class MembershipFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();
    private final List<String> paidInvoices = new ArrayList<>();

    @Override
    public void apply(Object event) {
        if (event instanceof MembershipRequested requested) {
            state.put("membershipId", requested.membershipId().value());
            state.put("memberId", requested.memberId().value());
            state.put("planId", requested.planId().value());
            state.put("planRevision", requested.planRevision());
            state.put("status", "PENDING_PAYMENT");
        } else if (event instanceof MembershipPeriodPaid paid) {
            paidInvoices.add(paid.invoiceId());
            state.put("planRevision", paid.planRevision());
            state.put("paidUntil", paid.period().end());
            state.put("status", "ACTIVE");
        } else if (event instanceof MembershipSubscriptionOpened opened) {
            state.put("provider", opened.provider());
            state.put("subscriptionId", opened.subscriptionId());
        } else if (event instanceof MembershipPlanChangeScheduled scheduled) {
            if (scheduled.planId().value().equals(state.get("planId"))) {
                state.remove("nextPlanId");
            } else {
                state.put("nextPlanId", scheduled.planId().value());
            }
        } else if (event instanceof MembershipPlanChanged changed) {
            state.put("planId", changed.planId().value());
            state.put("planRevision", changed.planRevision());
            state.remove("nextPlanId");
        } else if (event instanceof MembershipPaymentFailed failed) {
            state.put("status", "PAST_DUE");
            state.put("graceEndsAt", failed.graceEndsAt());
        } else if (event instanceof MembershipSuspended) {
            state.put("status", "SUSPENDED");
        } else if (event instanceof MembershipCancellationScheduled scheduled) {
            state.put("status", "ENDING");
            state.remove("nextPlanId");
            state.put("endsAt", scheduled.endsAt());
        } else if (event instanceof MembershipEnded ended) {
            state.put("status", "ENDED");
            state.put("endReason", ended.reason());
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(state);
        view.put("paidInvoices", List.copyOf(paidInvoices));
        return view;
    }
}
