package com.coworkly.commandside.series;

import com.coworkly.events.common.SeriesId;

import java.time.Instant;

/** Cancel every occurrence of the series that starts at or after {@code from}. */
record CancelBookingSeries(SeriesId seriesId, Instant from) implements SeriesCommand {}
