package com.coworkly.commandside.operations;

import com.coworkly.commandside.commands.Lookup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rebuilds the command side's lookup tables from the event store. The tables are locked for the whole
 * rebuild, in one transaction: commands that need them wait and then see the rebuilt tables, so no booking
 * slips in between the truncation and the last replayed event.
 */
@Component
class LookupRebuild {

    record Rebuilt(long eventsReplayed, List<String> processingGroups) {}

    private final List<Lookup> lookups;
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;

    LookupRebuild(List<Lookup> lookups, EventStorageEngine storage, JdbcTemplate jdbc) {
        this.lookups = lookups;
        this.storage = storage;
        this.jdbc = jdbc;
    }

    @Transactional
    public Rebuilt rebuild() throws Exception {
        List<String> tables =
                lookups.stream().flatMap(lookup -> lookup.tables().stream()).toList();
        jdbc.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
        List<AnnotationEventHandlerAdapter> handlers = lookups.stream()
                .map(lookup -> new AnnotationEventHandlerAdapter(
                        lookup, ClasspathParameterResolverFactory.forClass(lookup.getClass())))
                .toList();
        for (AnnotationEventHandlerAdapter handler : handlers) {
            handler.prepareReset(null);
        }
        long replayed = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> stream = events.iterator();
            while (stream.hasNext()) {
                EventMessage<?> event = stream.next();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                replayed++;
            }
        }
        return new Rebuilt(
                replayed,
                lookups.stream()
                        .map(lookup -> lookup.getClass()
                                .getAnnotation(ProcessingGroup.class)
                                .value())
                        .sorted()
                        .toList());
    }
}
