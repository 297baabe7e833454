package com.coworkly.events.catalogue;

import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** A manager took a period of a resource out of use for maintenance. */
@Revision("1")
public record ResourceBlocked(ResourceId resourceId, SpaceId spaceId, BlockId blockId, Period period, String reason)
        implements ResourceEvent {}
