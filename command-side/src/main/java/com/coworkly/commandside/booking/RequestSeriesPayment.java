package com.coworkly.commandside.booking;

import com.coworkly.events.common.SeriesId;

/** The member asks again what to pay for their unpaid series; answers the payment to open, records nothing. */
record RequestSeriesPayment(SeriesId seriesId) implements SeriesCommand {
}
