package com.coworkly.queryside.dashboards.figures;

import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.dashboards.Granularity;
import com.coworkly.queryside.web.RefusalCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The local dates [{@code from}, {@code to}) of a dashboard and its buckets. A bucket is keyed by where it starts
 * within the range: the first week of a range that starts on a Wednesday starts on that Wednesday.
 */
record DashboardRange(LocalDate from, LocalDate to, Granularity granularity) {

    static final int MAX_BUCKETS = 400;

    static final class InvalidRange extends BusinessRefusal {
        InvalidRange(String detail) {
            super(RefusalCode.INVALID_RANGE, Kind.BAD_REQUEST, detail);
        }
    }

    DashboardRange {
        if (!from.isBefore(to)) {
            throw new InvalidRange("from must be before to.");
        }
        LocalDate bucket = granularity.bucketOf(from);
        for (int count = 0; bucket.isBefore(to); count++) {
            if (count == MAX_BUCKETS) {
                throw new InvalidRange(
                        "At most " + MAX_BUCKETS + " buckets: choose a shorter range or a coarser " + "granularity.");
            }
            bucket = granularity.nextBucket(bucket);
        }
    }

    List<LocalDate> buckets() {
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate bucket = from; bucket.isBefore(to); bucket = endOf(bucket)) {
            buckets.add(bucket);
        }
        return buckets;
    }

    /** Where the bucket holding {@code date} starts within the range. */
    LocalDate bucketOf(LocalDate date) {
        LocalDate calendar = granularity.bucketOf(date);
        return calendar.isBefore(from) ? from : calendar;
    }

    /** Where the calendar bucket of a range bucket starts, as the database truncates dates. */
    LocalDate calendarBucketOf(LocalDate bucket) {
        return granularity.bucketOf(bucket);
    }

    /**
     * The whole calendar buckets inside the range, [start, end): read from what the read model keeps per bucket.
     * Empty (start not before end) when the range holds none.
     */
    Stretch wholeBuckets() {
        LocalDate first =
                granularity.bucketOf(from).equals(from) ? from : granularity.nextBucket(granularity.bucketOf(from));
        return new Stretch(first, granularity.bucketOf(to));
    }

    /**
     * The days of the range outside its whole buckets: at most one stretch at each end, each within one calendar
     * bucket (or, for a range inside two buckets, the two pieces). Their figures are added up from the days.
     */
    List<Stretch> partialBuckets() {
        Stretch whole = wholeBuckets();
        List<Stretch> partial = new ArrayList<>();
        LocalDate leadingEnd = whole.start().isBefore(to) ? whole.start() : to;
        if (from.isBefore(leadingEnd)) {
            partial.add(new Stretch(from, leadingEnd));
        }
        LocalDate trailingStart = whole.end().isAfter(whole.start()) ? whole.end() : whole.start();
        if (trailingStart.isBefore(to)) {
            partial.add(new Stretch(trailingStart, to));
        }
        return partial;
    }

    /** Local dates [start, end). */
    record Stretch(LocalDate start, LocalDate end) {

        boolean isEmpty() {
            return !start.isBefore(end);
        }
    }

    LocalDate endOf(LocalDate bucket) {
        LocalDate next = granularity.nextBucket(granularity.bucketOf(bucket));
        return next.isAfter(to) ? to : next;
    }
}
