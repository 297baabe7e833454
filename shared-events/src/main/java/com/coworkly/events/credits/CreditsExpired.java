package com.coworkly.events.credits;

import org.axonframework.serialization.Revision;

/** A grant reached its end with minutes unspent; they can no longer be spent. */
@Revision("1")
public record CreditsExpired(CreditAccountId accountId, String grantId, long minutes) implements CreditEvent {}
