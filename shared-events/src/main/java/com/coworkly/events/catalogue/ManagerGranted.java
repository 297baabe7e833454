package com.coworkly.events.catalogue;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** An administrator made a member a manager of the space. */
@Revision("1")
public record ManagerGranted(SpaceId spaceId, MemberId memberId) implements SpaceEvent {}
