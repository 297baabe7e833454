package com.coworkly.queryside.notifications;

import java.time.Duration;

/**
 * How long an email waits after a failed send: {@code first}, doubled with every further failure, never more
 * than {@code longest}. An SMTP server that is down is asked rarely, and is asked again soon after it is back.
 */
record RetryBackoff(Duration first, Duration longest) {

    Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
