package com.coworkly.commandside.series;

import com.coworkly.events.common.SeriesId;

/** The series' payment was taken. */
public record ConfirmSeriesPayment(SeriesId seriesId, String provider, String paymentId) implements SeriesCommand {}
