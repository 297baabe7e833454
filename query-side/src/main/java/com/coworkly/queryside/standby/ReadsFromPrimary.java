package com.coworkly.queryside.standby;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a GET endpoint (or every one of a controller) on the primary when a read pool is configured: its answer
 * must be the primary's, not a standby's that may lag behind it. The reason belongs beside each use.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsFromPrimary {}
