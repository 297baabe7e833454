package com.coworkly.queryside.dashboards;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the events of one space in one sequence, whatever aggregate applied them: a booking's confirmation and
 * a resource's block in the same space then update that space's running sums one after the other, never from
 * two segments at once. Every event the dashboards handle names its space ({@code spaceId()}); any other is
 * sequenced by its aggregate.
 */
@Component("bySpace")
class SequenceBySpace implements SequencingPolicy<EventMessage<?>> {

    private final Map<Class<?>, Optional<Method>> spaceAccessors = new ConcurrentHashMap<>();
    private final SequentialPerAggregatePolicy byAggregate = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        return spaceAccessors
                .computeIfAbsent(payload.getClass(), SequenceBySpace::spaceAccessor)
                .map(accessor -> (Object) ("space:" + spaceOf(accessor, payload)))
                .orElseGet(() -> byAggregate.getSequenceIdentifierFor(event));
    }

    private static Optional<Method> spaceAccessor(Class<?> type) {
        try {
            return Optional.of(type.getMethod("spaceId"));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Object spaceOf(Method accessor, Object payload) {
        try {
            return accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot read the space of " + payload.getClass().getName(), e);
        }
    }
}
