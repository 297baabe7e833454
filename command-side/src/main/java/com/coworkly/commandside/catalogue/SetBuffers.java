package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.common.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The time the resource keeps free before and after each booking from now on. */
record SetBuffers(@TargetAggregateIdentifier ResourceId resourceId, Buffers buffers) implements ResourceCommand {}
