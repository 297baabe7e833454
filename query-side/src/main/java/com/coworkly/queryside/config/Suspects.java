package com.coworkly.queryside.config;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events a projection has failed on without a savepoint, to be handled under one when their batch is retried.
 * Normally empty: it holds an entry from a failure until the retry that handled the event carefully commits. Bounded,
 * because a suspect whose retry another instance ran is never forgotten here; when full, an arbitrary suspect is
 * dropped, and if its retry is still to come it fails fast once more and is suspected again.
 */
final class Suspects {

    /** An event, as one projection (the handler's class) failed on it: another projection stays on the fast path. */
    record Suspect(String eventIdentifier, Class<?> projection) {
    }

    private final int capacity;
    private final Map<Suspect, Boolean> suspects = new ConcurrentHashMap<>();

    Suspects(int capacity) {
        this.capacity = capacity;
    }

    void suspect(Suspect suspect) {
        if (suspects.size() >= capacity) {
            Iterator<Suspect> any = suspects.keySet().iterator();
            if (any.hasNext()) {
                suspects.remove(any.next());
            }
        }
        suspects.put(suspect, Boolean.TRUE);
    }

    boolean isSuspect(Suspect suspect) {
        return !suspects.isEmpty() && suspects.containsKey(suspect);
    }

    void forget(Suspect suspect) {
        suspects.remove(suspect);
    }
}
