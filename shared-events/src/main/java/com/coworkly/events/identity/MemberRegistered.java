package com.coworkly.events.identity;

import com.coworkly.events.common.MemberId;
import org.axonframework.serialization.Revision;

/** Someone joined the network as a member. Credentials are not part of the event: see docs/decisions/0001-credentials-are-not-events.md. */
@Revision("1")
public record MemberRegistered(MemberId memberId, String email, String name) implements MemberEvent {}
