package com.coworkly.queryside.audit;

import com.coworkly.events.identity.MemberRegistered;

import java.util.LinkedHashMap;
import java.util.Map;

/** A member as registered; credentials are not events (decision 1), so nothing secret is here. */
class MemberFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();

    @Override
    public void apply(Object event) {
        if (event instanceof MemberRegistered registered) {
            state.put("memberId", registered.memberId().value());
            state.put("email", registered.email());
            state.put("name", registered.name());
        }
    }

    @Override
    public Map<String, Object> view() {
        return new LinkedHashMap<>(state);
    }
}
