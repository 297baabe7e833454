package com.coworkly.queryside.config;

import java.util.function.Supplier;

/**
 * Marks work during which every read-model handler runs under a savepoint, its projection careful or not: an
 * operator's retry of dead letters. Axon's dead-letter processor asks the enqueue policy after the letter's unit of
 * work has rolled back, and the policy would fail the whole retry on a {@link RetryUnderSavepoint}: a retry that fails
 * again must be requeued in a valid transaction, and answered, never fail with a 5xx. The processor runs the letters
 * on the calling thread, so a thread-local flag covers them.
 */
public final class SavepointForEveryHandler {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private SavepointForEveryHandler() {}

    public static <T> T during(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    static boolean active() {
        return ACTIVE.get();
    }
}
