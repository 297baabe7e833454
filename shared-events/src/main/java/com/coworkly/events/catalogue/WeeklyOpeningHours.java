package com.coworkly.events.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The weekly schedule of a resource in its space's local time; windows of one day never overlap. */
public record WeeklyOpeningHours(List<OpeningWindow> windows) {

    private static final Comparator<OpeningWindow> CHRONOLOGICAL =
            Comparator.comparing(OpeningWindow::day).thenComparing(OpeningWindow::opens);

    public WeeklyOpeningHours {
        Objects.requireNonNull(windows, "windows");
        windows = windows.stream().sorted(CHRONOLOGICAL).toList();
        for (int i = 1; i < windows.size(); i++) {
            OpeningWindow previous = windows.get(i - 1);
            OpeningWindow next = windows.get(i);
            boolean sameDay = previous.day() == next.day();
            boolean previousRunsToMidnight = previous.closes().equals(java.time.LocalTime.MIDNIGHT);
            if (sameDay && (previousRunsToMidnight || previous.closes().isAfter(next.opens()))) {
                throw new IllegalArgumentException("opening windows overlap on " + next.day());
            }
        }
    }
}
