package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.Money;
import com.coworkly.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** A resource as a manager describes it over the API, when adding it and when revising it. */
record ResourceDefinition(
        @NotNull ResourceKind kind,
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotNull @Min(1) @Max(10_000) Integer capacity,
        @NotNull @Valid Price hourlyPrice,
        @NotNull @Size(max = 70) List<@NotNull @Valid Window> openingHours,
        @NotNull @Min(5) @Max(1440) Integer slotMinutes,
        @NotNull @Min(5) @Max(44_640) Integer minimumMinutes,
        @NotNull @Min(5) @Max(44_640) Integer maximumMinutes,
        @NotNull @Min(1) @Max(730) Integer horizonDays) {

    record Price(
            @NotNull @Min(0) @Max(100_000_000) Long amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {}

    record Window(
            @NotNull DayOfWeek day,
            @NotNull LocalTime opens,
            @NotNull LocalTime closes) {}

    ResourceDescription description() {
        return new ResourceDescription(kind, name.strip(), capacity);
    }

    Money price() {
        return Money.of(hourlyPrice.amount(), hourlyPrice.currency());
    }

    WeeklyOpeningHours weeklyOpeningHours() {
        return new WeeklyOpeningHours(openingHours.stream()
                .map(window -> new OpeningWindow(window.day(), window.opens(), window.closes()))
                .toList());
    }

    BookingPolicy bookingPolicy() {
        return new BookingPolicy(
                Duration.ofMinutes(slotMinutes),
                Duration.ofMinutes(minimumMinutes),
                Duration.ofMinutes(maximumMinutes),
                Duration.ofDays(horizonDays));
    }
}
