package com.coworkly.queryside.paging;

import java.util.List;

/** One page of a list in a stable order, with what a client needs to fetch the others. */
public record Paged<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Paged<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Paged<>(items, request.page(), request.size(), totalItems, totalPages);
    }
}
