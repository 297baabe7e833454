package com.coworkly.queryside.dashboards;

import com.coworkly.platform.web.BusinessRefusal;

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
            super("INVALID_RANGE", Kind.BAD_REQUEST, detail);
        }
    }

    DashboardRange {
        if (!from.isBefore(to)) {
            throw new InvalidRange("from must be before to.");
        }
        LocalDate bucket = granularity.bucketOf(from);
        for (int count = 0; bucket.isBefore(to); count++) {
            if (count == MAX_BUCKETS) {
                throw new InvalidRange("At most " + MAX_BUCKETS + " buckets: choose a shorter range or a coarser "
                        + "granularity.");
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

    LocalDate endOf(LocalDate bucket) {
        LocalDate next = granularity.nextBucket(granularity.bucketOf(bucket));
        return next.isAfter(to) ? to : next;
    }
}
