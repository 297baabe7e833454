package com.coworkly.queryside.audit;

import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.BookingPolicyChanged;
import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.BuffersChanged;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceRepriced;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SeatsChanged;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A resource: its description, price, opening hours and booking policy, whether retired, its live blocks. */
class ResourceFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();
    private final List<Map<String, Object>> blocks = new ArrayList<>();

    @Override
    public void apply(Object event) {
        if (event instanceof ResourceAdded added) {
            state.put("resourceId", added.resourceId().value());
            state.put("spaceId", added.spaceId().value());
            state.put("description", added.description());
            state.put("hourlyPrice", added.hourlyPrice());
            state.put("openingHours", added.openingHours().windows());
            state.put("bookingPolicy", added.bookingPolicy());
            state.put("buffers", Buffers.NONE);
            state.put("seats", 1);
            state.put("retired", false);
        } else if (event instanceof ResourceDescriptionRevised revised) {
            state.put("description", revised.description());
        } else if (event instanceof ResourceRepriced repriced) {
            state.put("hourlyPrice", repriced.hourlyPrice());
        } else if (event instanceof OpeningHoursChanged changed) {
            state.put("openingHours", changed.openingHours().windows());
        } else if (event instanceof BookingPolicyChanged changed) {
            state.put("bookingPolicy", changed.bookingPolicy());
        } else if (event instanceof BuffersChanged changed) {
            state.put("buffers", changed.buffers());
        } else if (event instanceof SeatsChanged changed) {
            state.put("seats", changed.seats());
        } else if (event instanceof ResourceRetired) {
            state.put("retired", true);
        } else if (event instanceof ResourceBlocked blocked) {
            blocks.add(BookingFold.fields(
                    "blockId", blocked.blockId().value(), "period", blocked.period(), "reason", blocked.reason()));
        } else if (event instanceof BlockRemoved removed) {
            blocks.removeIf(
                    block -> block.get("blockId").equals(removed.blockId().value()));
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(state);
        view.put("blocks", List.copyOf(blocks));
        return view;
    }
}
