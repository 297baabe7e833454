package com.coworkly.queryside.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * The dashboards' projection for tests of other packages (the figures), through Axon's handler adapter so that its
 * parameters (timestamps, message identifiers) are resolved as in the service.
 */
public final class DashboardHandlers {

    private final AnnotationEventHandlerAdapter adapter;

    private DashboardHandlers(JdbcTemplate jdbc) {
        DashboardProjection projection = new DashboardProjection(jdbc, new ObjectMapper().findAndRegisterModules());
        projection.reset();
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    /** A projection writing through {@code jdbc}, its tables emptied first. */
    public static DashboardHandlers emptied(JdbcTemplate jdbc) {
        return new DashboardHandlers(jdbc);
    }

    /** Hands the event over as stored with this identifier (as a redelivery would hand it over again). */
    public void handle(Object event, String eventId, Instant at) {
        EventMessage<?> message = new GenericEventMessage<>(eventId, event, java.util.Map.of(), at);
        try {
            if (adapter.canHandle(message)) {
                adapter.handle(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
