package com.coworkly.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.Map;

/**
 * How large a request body may be. Commands are small JSON documents: a generous default of 64 KiB still refuses
 * a body that only wastes memory and parse time. A path that needs more (Stripe's webhook events) says so.
 *
 * @param maxSize    the limit of every request body
 * @param largerFor  a larger limit for the exact request paths named
 */
@ConfigurationProperties("booking.request-body")
public record RequestBodyLimits(DataSize maxSize, Map<String, DataSize> largerFor) {

    public RequestBodyLimits {
        maxSize = maxSize == null ? DataSize.ofKilobytes(64) : maxSize;
        largerFor = largerFor == null ? Map.of() : Map.copyOf(largerFor);
    }

    long limitFor(String path) {
        return largerFor.getOrDefault(path, maxSize).toBytes();
    }
}
