package com.coworkly.queryside.dashboards.charts;

import java.util.ArrayList;
import java.util.List;

/** A linear scale from values to SVG y, with round ticks (1, 2 or 5 times a power of ten). */
record Scale(double bottom, double top, double step) {

    static Scale of(double bottom, double top) {
        double step = niceStep((top - bottom) / 4);
        return new Scale(Math.floor(bottom / step) * step, Math.ceil(top / step) * step, step);
    }

    double y(double value) {
        return Charts.TOP + (Charts.HEIGHT - Charts.TOP - Charts.BOTTOM) * (top - value) / (top - bottom);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (double value = bottom; value <= top + step / 2; value += step) {
            ticks.add(Math.round(value / step) * step);
        }
        return ticks;
    }

    private static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
