package com.coworkly.commandside.series;

import com.coworkly.events.common.SeriesId;

/** The series' payment failed. */
public record FailSeriesPayment(SeriesId seriesId, String paymentId, String reason) implements SeriesCommand {}
