package com.coworkly.commandside.series;

import com.coworkly.events.common.SeriesId;

/**
 * The provider opened the series' payment: each unpaid occurrence records it as its own, and is confirmed with it
 * when the provider answered that the payment is already taken ({@code paid}).
 */
public record RecordSeriesPaymentRequest(SeriesId seriesId, String provider, String paymentId, boolean paid)
        implements SeriesCommand {}
