package com.coworkly.queryside.dashboards;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Amounts to add to some of the running sums' columns. The column names go into SQL as they are, so they are only
 * ever the projection's own constants, never input.
 */
final class Contribution {

    private final Map<String, Long> amounts = new LinkedHashMap<>();

    Contribution add(String column, long amount) {
        amounts.merge(column, amount, Long::sum);
        return this;
    }

    Set<String> columns() {
        return amounts.keySet();
    }

    Collection<Long> amounts() {
        return amounts.values();
    }

    /** {@code column = table.column + excluded.column} for each column, for an upsert's update. */
    String updates(String table) {
        return amounts.keySet().stream()
                .map(column -> column + " = " + table + "." + column + " + excluded." + column)
                .collect(Collectors.joining(", "));
    }
}
