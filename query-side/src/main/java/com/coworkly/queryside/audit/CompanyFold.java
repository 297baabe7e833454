package com.coworkly.queryside.audit;

import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import com.coworkly.events.company.CompanyPlanCancelled;
import com.coworkly.events.company.CompanyPlanEnded;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.company.CompanyPlanSubscribed;
import com.coworkly.events.company.CompanyRegistered;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** A company account: its billing details, administrators, seats and the plan it holds. */
class CompanyFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();
    private final TreeSet<String> administrators = new TreeSet<>();
    private final TreeSet<String> seats = new TreeSet<>();

    @Override
    public void apply(Object event) {
        if (event instanceof CompanyRegistered registered) {
            state.put("companyId", registered.companyId().value());
            state.put("name", registered.name());
            state.put("billingAddress", registered.billingAddress());
            state.put("vatId", registered.vatId());
        } else if (event instanceof CompanyAdministratorAppointed appointed) {
            administrators.add(appointed.memberId().value());
        } else if (event instanceof CompanyMemberAdded added) {
            seats.add(added.memberId().value());
        } else if (event instanceof CompanyMemberRemoved removed) {
            seats.remove(removed.memberId().value());
        } else if (event instanceof CompanyPlanSubscribed subscribed) {
            state.put(
                    "plan",
                    BookingFold.fields(
                            "planId",
                            subscribed.planId().value(),
                            "homeSpaceId",
                            subscribed.homeSpaceId().value(),
                            "startsAt",
                            subscribed.startsAt(),
                            "period",
                            null,
                            "endsAt",
                            null));
        } else if (event instanceof CompanyPlanPeriodStarted started) {
            plan().put("revision", started.planRevision());
            plan().put("period", started.period());
            plan().put("periodNumber", started.number());
            plan().put("seats", started.seats());
            plan().put("fee", started.fee());
            plan().put("poolMinutes", started.poolMinutes());
        } else if (event instanceof CompanyPlanCancelled cancelled) {
            plan().put("endsAt", cancelled.endsAt());
        } else if (event instanceof CompanyPlanEnded) {
            state.put("plan", null);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> plan() {
        return (Map<String, Object>) state.get("plan");
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(state);
        view.put("administrators", administrators.stream().toList());
        view.put("seats", seats.stream().toList());
        return view;
    }
}
