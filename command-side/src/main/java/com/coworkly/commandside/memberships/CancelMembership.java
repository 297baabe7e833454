package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MembershipId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member (or an administrator) ends the membership at the end of the period paid for. */
public record CancelMembership(@TargetAggregateIdentifier MembershipId membershipId) implements MembershipCommand {}
