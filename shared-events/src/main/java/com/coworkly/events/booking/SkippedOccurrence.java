package com.coworkly.events.booking;

import java.time.LocalDateTime;

/**
 * An occurrence of a series that was not booked, with the code of the rule it broke (e.g.
 * {@code SLOT_UNAVAILABLE}). Its times are local to the space, because an occurrence may fall into a local
 * time that does not exist, which no instant can name.
 */
public record SkippedOccurrence(LocalDateTime localStart, LocalDateTime localEnd, String code, String detail) {}
