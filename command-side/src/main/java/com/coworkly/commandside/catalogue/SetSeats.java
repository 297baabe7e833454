package com.coworkly.commandside.catalogue;

import com.coworkly.events.common.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** How many members may book the resource at once from now on: 1 for an ordinary resource, more for a pool. */
record SetSeats(@TargetAggregateIdentifier ResourceId resourceId, int seats) implements ResourceCommand {}
