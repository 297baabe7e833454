package com.coworkly.commandside.series;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.SeriesId;

/** The commands an existing series decides, for all its occurrences at once. */
public sealed interface SeriesCommand extends TargetsAggregate
        permits CancelBookingSeries,
                RequestSeriesPayment,
                RecordSeriesPaymentRequest,
                ConfirmSeriesPayment,
                FailSeriesPayment {

    SeriesId seriesId();

    @Override
    default String targetId() {
        return seriesId().value();
    }

    @Override
    default RefusalCode notFoundCode() {
        return RefusalCode.SERIES_NOT_FOUND;
    }
}
