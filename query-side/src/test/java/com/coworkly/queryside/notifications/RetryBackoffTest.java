package com.coworkly.queryside.notifications;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void theWaitDoublesWithEveryFailureUpToTheLongest() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(1000)).isEqualTo(Duration.ofMinutes(30));
    }
}
