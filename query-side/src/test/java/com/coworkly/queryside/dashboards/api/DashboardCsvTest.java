package com.coworkly.queryside.dashboards.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardCsvTest {

    @Test
    void fieldsAreQuotedWhenTheyMustBe() {
        assertThat(DashboardCsv.field("Window desk")).isEqualTo("Window desk");
        assertThat(DashboardCsv.field("Desk, by the window")).isEqualTo("\"Desk, by the window\"");
        assertThat(DashboardCsv.field("The \"big\" room")).isEqualTo("\"The \"\"big\"\" room\"");
        assertThat(DashboardCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aNameIsNeverReadAsAFormula() {
        assertThat(DashboardCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DashboardCsv.field("@sum")).isEqualTo("'@sum");
    }
}
