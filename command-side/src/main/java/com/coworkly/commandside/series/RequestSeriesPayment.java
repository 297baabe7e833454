package com.coworkly.commandside.series;

import com.coworkly.events.common.SeriesId;

/** The member asks again what to pay for their unpaid series; answers the payment to open, records nothing. */
public record RequestSeriesPayment(SeriesId seriesId) implements SeriesCommand {}
