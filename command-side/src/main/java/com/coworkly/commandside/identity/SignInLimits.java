package com.coworkly.commandside.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How many failed sign-ins the token endpoint accepts within a sliding window before it stops checking passwords
 * (decision 29): per account, whichever addresses the guesses come from, and per client address, whichever
 * accounts it tries.
 */
@ConfigurationProperties("booking.identity.sign-in-limits")
record SignInLimits(Duration window, int failuresPerAccount, int failuresPerAddress) {

    SignInLimits {
        window = window == null ? Duration.ofMinutes(15) : window;
        failuresPerAccount = failuresPerAccount <= 0 ? 10 : failuresPerAccount;
        failuresPerAddress = failuresPerAddress <= 0 ? 50 : failuresPerAddress;
    }
}
