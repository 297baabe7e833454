package com.coworkly.queryside.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Events per second of a rebuild over its last few seconds, and the time left at that rate. Positions are global
 * indexes: the store's rare gaps make the count a little high, never misleadingly low.
 */
final class RebuildRate {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    private record Sample(Instant at, long position) {}

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void record(Instant at, long position) {
        samples.addLast(new Sample(at, position));
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(at.minus(WINDOW))) {
            samples.removeFirst();
        }
    }

    synchronized double eventsPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.max(0, last.position() - first.position()) / seconds;
    }

    /** Empty while there is no rate to go by. */
    OptionalLong secondsLeft(long position, long head) {
        double rate = eventsPerSecond();
        if (position >= head) {
            return OptionalLong.of(0);
        }
        return rate <= 0 ? OptionalLong.empty() : OptionalLong.of((long) Math.ceil((head - position) / rate));
    }
}
