package com.coworkly.commandside.booking;

import com.coworkly.events.common.SeriesId;

/** The provider opened the series' payment: each unpaid occurrence records it as its own. */
record RecordSeriesPaymentRequest(SeriesId seriesId, String provider, String paymentId) implements SeriesCommand {
}
