package com.coworkly.queryside.audit;

import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.BookingQuotasChanged;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.SpaceRegistered;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A space: its terms as registered and the members granted to manage it. */
class SpaceFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();
    private final Set<String> managers = new LinkedHashSet<>();

    @Override
    public void apply(Object event) {
        if (event instanceof SpaceRegistered registered) {
            state.put("spaceId", registered.spaceId().value());
            state.put("name", registered.name());
            state.put("timeZone", registered.timeZone().getId());
            state.put("currency", registered.currency().getCurrencyCode());
            state.put("vatRatePercent", registered.vatRatePercent());
            state.put("cancellationPolicy", registered.cancellationPolicy());
            state.put("address", registered.address());
            state.put("reminderLead", registered.reminderLead());
            state.put("quotas", BookingQuotas.NONE);
        } else if (event instanceof BookingQuotasChanged changed) {
            state.put("quotas", changed.quotas());
        } else if (event instanceof ManagerGranted granted) {
            managers.add(granted.memberId().value());
        }
    }

    boolean isManagedBy(String memberId) {
        return managers.contains(memberId);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(state);
        view.put("managers", List.copyOf(managers));
        return view;
    }
}
