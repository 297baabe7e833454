package com.coworkly.queryside.consistency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a query endpoint as served from the read models of the named processing groups. Given
 * {@code ?after=<position>} (a command's {@code X-Event-Position}), the endpoint answers only once every one of
 * those read models has processed the event store up to that position, waiting a bounded time for it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadYourWrites {

    /** The processing groups whose progress decides; a query that joins read models names each of them. */
    String[] value();
}
