package com.coworkly.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a stored name or reason may hold. */
class PlainTextValidatorTest {

    @Test
    void anyPrintableUnicodeLineBreaksAndTabsArePlainText() {
        assertThat(PlainTextValidator.isPlain("<script>alert('x')</script> \"quoted\" '; DROP TABLE x;--"))
                .isTrue();
        assertThat(PlainTextValidator.isPlain("Desk 🚀 👩‍💻 🇳🇱 \u202Eevil\u202C \u200Fמשרד مكتب 日本語 e\u0301"))
                .isTrue();
        assertThat(PlainTextValidator.isPlain("Tab\tand\r\nnew line, \uFEFF zero\u200Bwidth"))
                .isTrue();
    }

    @Test
    void controlCharactersAndHalvesOfSurrogatePairsAreNot() {
        for (String text : new String[] {
            "nul\u0000",
            "bell\u0007",
            "escape\u001B[31m",
            "delete\u007F",
            "c1\u0085",
            "form\f",
            "vertical\u000B",
            "lone high \uD83D",
            "lone low \uDE80",
            "\uDE80\uD83D"
        }) {
            assertThat(PlainTextValidator.isPlain(text)).as(text).isFalse();
        }
    }
}
