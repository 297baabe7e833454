package com.coworkly.queryside.dashboards.charts;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The page's charts as shapes in SVG user units, laid out on the server so that the page needs no script: the
 * template only places them. Bars are grouped side by side or stacked per bucket; every shape has a title that
 * says its figure in words, for tooltips and screen readers. Charts know nothing of dashboards: a bar chart is
 * drawn from any list of buckets and the series read off them, a heat map from booked hours of the week.
 */
public final class Charts {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 72;
    private static final int RIGHT = 8;
    static final int TOP = 10;
    static final int BOTTOM = 28;
    private static final int MAX_LABELS = 12;

    private Charts() {}

    public record BarChart(
            String title,
            String description,
            List<Series<?>> legend,
            List<Tick> ticks,
            List<Label> labels,
            List<Bar> bars,
            double baseline) {

        public int width() {
            return WIDTH;
        }

        public int height() {
            return HEIGHT;
        }

        public int plotLeft() {
            return LEFT;
        }

        public int plotRight() {
            return WIDTH - RIGHT;
        }
    }

    /** {@code style} names the CSS class that colours the series; {@code value} reads it off a bucket. */
    public record Series<B>(String name, String style, ToDoubleFunction<B> value) {}

    public record Tick(double y, String label) {}

    public record Label(double x, double y, String text) {}

    public record Bar(double x, double y, double width, double height, String style, String title) {}

    public enum Layout {
        GROUPED,
        STACKED
    }

    /**
     * One group of bars per bucket. Bars are titled with {@code bucketNames}, the axis with the shorter
     * {@code axisNames}. {@code format} writes a value for ticks and titles; {@code atLeast} is the least top of
     * the scale (1 for a share, so that an empty month still reads 0–100 %; 4 for counts, so ticks are whole).
     */
    public static <B> BarChart bars(
            String title,
            String description,
            List<B> buckets,
            List<String> bucketNames,
            List<String> axisNames,
            List<Series<B>> series,
            Layout layout,
            DoubleFunction<String> format,
            double atLeast) {
        double top = atLeast;
        double bottom = 0;
        for (B bucket : buckets) {
            double stacked = 0;
            for (Series<B> one : series) {
                double value = one.value().applyAsDouble(bucket);
                stacked += Math.max(0, value);
                top = Math.max(top, layout == Layout.STACKED ? stacked : value);
                bottom = Math.min(bottom, value);
            }
        }
        Scale scale = Scale.of(bottom, top);
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, buckets.size());
        double group = slot * 0.8;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            B bucket = buckets.get(i);
            double x = LEFT + i * slot + (slot - group) / 2;
            double stacked = 0;
            for (int s = 0; s < series.size(); s++) {
                Series<B> one = series.get(s);
                double value = one.value().applyAsDouble(bucket);
                String barTitle =
                        bucketNames.get(i) + ", " + one.name().toLowerCase(Locale.ENGLISH) + ": " + format.apply(value);
                if (layout == Layout.STACKED) {
                    double from = scale.y(stacked);
                    stacked += Math.max(0, value);
                    double to = scale.y(stacked);
                    bars.add(new Bar(round(x), round(to), round(group), round(from - to), one.style(), barTitle));
                } else {
                    double width = group / series.size();
                    double y = scale.y(Math.max(0, value));
                    bars.add(new Bar(
                            round(x + s * width),
                            round(y),
                            round(width),
                            round(Math.abs(scale.y(value) - scale.y(0))),
                            one.style(),
                            barTitle));
                }
            }
        }
        List<Tick> ticks = scale.ticks().stream()
                .map(value -> new Tick(round(scale.y(value)), format.apply(value)))
                .toList();
        return new BarChart(
                title, description, List.copyOf(series), ticks, labels(axisNames, slot), bars, round(scale.y(0)));
    }

    /** Names every bucket if there are few, else every n-th, so that labels never overlap. */
    private static List<Label> labels(List<String> bucketNames, double slot) {
        int every = (int) Math.ceil(bucketNames.size() / (double) MAX_LABELS);
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < bucketNames.size(); i += Math.max(1, every)) {
            labels.add(new Label(round(LEFT + i * slot + slot / 2), HEIGHT - BOTTOM + 18, bucketNames.get(i)));
        }
        return labels;
    }

    public record HeatMap(String title, String description, List<Cell> cells, List<Label> hours, List<Label> days) {

        public int width() {
            return WIDTH;
        }

        public int height() {
            return HEAT_TOP + 7 * CELL_HEIGHT;
        }
    }

    /**
     * {@code shade} is 0 for an hour nobody booked and up to 1 for the busiest hour of the week; a booked hour is
     * never paler than {@code MIN_OPACITY}, so that one booking still shows.
     */
    public record Cell(double x, double y, double width, double height, double shade, String title) {

        public boolean empty() {
            return shade == 0;
        }

        public double opacity() {
            return empty() ? 1 : Math.round((MIN_OPACITY + (1 - MIN_OPACITY) * shade) * 100) / 100.0;
        }
    }

    private static final double MIN_OPACITY = 0.15;

    private static final int HEAT_LEFT = 48;
    private static final int HEAT_TOP = 18;
    private static final int CELL_HEIGHT = 24;

    /** Booked hours in one local hour of the week, e.g. Monday 09:00–10:00. */
    public record HourOfWeek(DayOfWeek day, int hour, BigDecimal bookedHours) {}

    /** A cell per hour of the week; {@code hoursText} writes booked hours for people in titles ("6.0 h"). */
    public static HeatMap heatMap(List<HourOfWeek> week, Function<BigDecimal, String> hoursText) {
        double busiest = week.stream()
                .map(HourOfWeek::bookedHours)
                .mapToDouble(BigDecimal::doubleValue)
                .max()
                .orElse(0);
        double cellWidth = (WIDTH - HEAT_LEFT - RIGHT) / 24.0;
        List<Cell> cells = new ArrayList<>();
        for (HourOfWeek hour : week) {
            double booked = hour.bookedHours().doubleValue();
            String title = dayName(hour.day()) + " " + twoDigits(hour.hour()) + ":00–" + twoDigits(hour.hour() + 1)
                    + ":00: " + hoursText.apply(hour.bookedHours()) + " booked";
            cells.add(new Cell(
                    round(HEAT_LEFT + hour.hour() * cellWidth),
                    HEAT_TOP + (hour.day().getValue() - 1) * CELL_HEIGHT,
                    round(cellWidth - 2),
                    CELL_HEIGHT - 2,
                    busiest == 0 ? 0 : Math.round(booked / busiest * 100) / 100.0,
                    title));
        }
        List<Label> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour += 3) {
            hours.add(new Label(round(HEAT_LEFT + hour * cellWidth + cellWidth / 2), HEAT_TOP - 6, twoDigits(hour)));
        }
        List<Label> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(new Label(
                    HEAT_LEFT - 6,
                    HEAT_TOP + (day.getValue() - 1) * CELL_HEIGHT + CELL_HEIGHT / 2.0 + 4,
                    day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
        }
        return new HeatMap(
                "Peak hours",
                "Booked hours in each hour of the week over the period, darker is busier; " + "the busiest hour had "
                        + hoursText.apply(BigDecimal.valueOf(busiest)) + " booked.",
                cells,
                hours,
                days);
    }

    public static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String twoDigits(int hour) {
        return (hour < 10 ? "0" : "") + hour;
    }

    private static double round(double units) {
        return Math.round(units * 10) / 10.0;
    }
}
