package com.coworkly.commandside.commands;

import java.util.List;

/**
 * A command-side lookup: tables kept by a subscribing event handler in the same transaction as the events
 * they follow, read by later decisions, and rebuildable from the event store through its reset handler and
 * event handlers (see docs/consistency.md). Nothing else may implement it: a rebuild replays every event
 * through it, so it must have no side effects beyond its own tables.
 */
public interface Lookup {

    /** The tables this lookup owns, locked while it is rebuilt. */
    List<String> tables();
}
