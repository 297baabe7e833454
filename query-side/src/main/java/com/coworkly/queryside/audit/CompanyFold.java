package com.coworkly.queryside.audit;

import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import com.coworkly.events.company.CompanyRegistered;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** A company account: its billing details, administrators and seats. */
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
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(state);
        view.put("administrators", administrators.stream().toList());
        view.put("seats", seats.stream().toList());
        return view;
    }
}
