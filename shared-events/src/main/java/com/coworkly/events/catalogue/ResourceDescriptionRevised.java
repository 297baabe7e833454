package com.coworkly.events.catalogue;

import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** The kind, name or capacity of a resource changed. */
@Revision("1")
public record ResourceDescriptionRevised(ResourceId resourceId, SpaceId spaceId, ResourceDescription description)
        implements ResourceEvent {}
