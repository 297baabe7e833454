package com.coworkly.queryside.config;

import org.springframework.core.convert.converter.Converter;

import java.time.OffsetDateTime;

/**
 * Reads a date-time query parameter as ISO-8601 with an offset ({@code 2026-12-01T09:00:00+01:00}), the one
 * format of the API. A {@code +} typed unencoded into a URL arrives as a space; no other reading of a space
 * is possible there, so it is taken back as the {@code +} that was meant. Anything else that does not parse
 * is refused as a bad parameter (400 VALIDATION_FAILED).
 */
class OffsetDateTimeParameter implements Converter<String, OffsetDateTime> {

    @Override
    public OffsetDateTime convert(String source) {
        String text = source.strip();
        return text.isEmpty() ? null : OffsetDateTime.parse(text.replace(' ', '+'));
    }
}
