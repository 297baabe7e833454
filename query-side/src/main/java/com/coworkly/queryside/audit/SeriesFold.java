package com.coworkly.queryside.audit;

import com.coworkly.events.booking.BookingSeriesCancelled;
import com.coworkly.events.booking.BookingSeriesPlaced;

import java.util.LinkedHashMap;
import java.util.Map;

/** A recurring series: what it placed and skipped, and whether and from when it was cancelled. */
class SeriesFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();

    @Override
    public void apply(Object event) {
        if (event instanceof BookingSeriesPlaced placed) {
            state.put("seriesId", placed.seriesId().value());
            state.put("resourceId", placed.resourceId().value());
            state.put("spaceId", placed.spaceId().value());
            state.put("memberId", placed.memberId().value());
            state.put("recurrence", placed.recurrence());
            state.put("timeZone", placed.timeZone().getId());
            state.put("occurrences", placed.occurrences());
            state.put("skipped", placed.skipped());
            state.put("cancellation", null);
        } else if (event instanceof BookingSeriesCancelled cancelled) {
            state.put(
                    "cancellation",
                    BookingFold.fields(
                            "from",
                            cancelled.from(),
                            "cancelledBy",
                            cancelled.cancelledBy(),
                            "cancelledBookings",
                            cancelled.cancelledBookings().stream()
                                    .map(id -> id.value())
                                    .toList()));
        }
    }

    @Override
    public Map<String, Object> view() {
        return new LinkedHashMap<>(state);
    }
}
