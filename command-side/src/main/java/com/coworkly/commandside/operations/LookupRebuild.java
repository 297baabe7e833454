package com.coworkly.commandside.operations;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Rebuilds the command side's lookup tables (space directory, booking ledger) from the event store. The
 * tables are locked for the whole rebuild, in one transaction: commands that need them wait and then see the
 * rebuilt tables, so no booking slips in between the truncation and the last replayed event.
 */
@Component
class LookupRebuild {

    record Rebuilt(long eventsReplayed, List<String> processingGroups) {
    }

    private static final List<String> LOOKUP_TABLES =
            List.of("space_directory", "space_manager", "resource_occupancy", "member_booking");

    private final ApplicationContext context;
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;

    LookupRebuild(ApplicationContext context, EventStorageEngine storage, JdbcTemplate jdbc) {
        this.context = context;
        this.storage = storage;
        this.jdbc = jdbc;
    }

    @Transactional
    public Rebuilt rebuild() throws Exception {
        jdbc.execute("LOCK TABLE " + String.join(", ", LOOKUP_TABLES) + " IN ACCESS EXCLUSIVE MODE");
        List<AnnotationEventHandlerAdapter> lookups = context.getBeansWithAnnotation(ProcessingGroup.class).values()
                .stream()
                .map(bean -> new AnnotationEventHandlerAdapter(bean, ClasspathParameterResolverFactory.forClass(bean.getClass())))
                .toList();
        for (AnnotationEventHandlerAdapter lookup : lookups) {
            lookup.prepareReset(null);
        }
        AtomicLong replayed = new AtomicLong();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> stream = events.iterator();
            while (stream.hasNext()) {
                EventMessage<?> event = stream.next();
                for (AnnotationEventHandlerAdapter lookup : lookups) {
                    if (lookup.canHandle(event)) {
                        lookup.handle(event);
                    }
                }
                replayed.incrementAndGet();
            }
        }
        List<String> groups = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .map(bean -> bean.getClass().getAnnotation(ProcessingGroup.class))
                .filter(java.util.Objects::nonNull).map(ProcessingGroup::value).sorted().toList();
        return new Rebuilt(replayed.get(), groups);
    }
}
