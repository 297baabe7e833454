package com.coworkly.commandside.catalogue;

import com.coworkly.events.common.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RetireResource(@TargetAggregateIdentifier ResourceId resourceId) implements ResourceCommand {}
