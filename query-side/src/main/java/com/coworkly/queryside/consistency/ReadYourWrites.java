package com.coworkly.queryside.consistency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a query endpoint as served from the read model of the named processing group. Given
 * {@code ?after=<position>} (a command's {@code X-Event-Position}), the endpoint answers only once that
 * read model has processed the event store up to that position, waiting a bounded time for it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadYourWrites {

    /** The processing group whose progress decides. */
    String value();
}
