package com.coworkly.queryside.audit;

import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanRetired;
import com.coworkly.events.membership.PlanRevised;

import java.util.LinkedHashMap;
import java.util.Map;

/** A membership plan: its newest revision's terms, and whether it still takes new members. */
class PlanFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();

    @Override
    public void apply(Object event) {
        if (event instanceof PlanDefined defined) {
            state.put("planId", defined.planId().value());
            state.put("revision", 1);
            state.put("terms", defined.terms());
            state.put("retired", false);
        } else if (event instanceof PlanRevised revised) {
            state.put("revision", revised.revision());
            state.put("terms", revised.terms());
        } else if (event instanceof PlanRetired) {
            state.put("retired", true);
        }
    }

    @Override
    public Map<String, Object> view() {
        return new LinkedHashMap<>(state);
    }
}
