package com.coworkly.commandside.commands;

/** A command aimed at one aggregate: what the API calls it when the id names nothing. */
public interface TargetsAggregate {

    /** The aggregate's identifier, as stored in the event store. */
    String targetId();

    /** The code of the refusal when no such aggregate exists, e.g. {@code RESOURCE_NOT_FOUND}. */
    RefusalCode notFoundCode();
}
