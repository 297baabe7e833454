package com.coworkly.events.credits;

import org.axonframework.serialization.Revision;

/**
 * Unused minutes of a grant that reached its end moved into the next period's grant, up to the plan's cap, and
 * expire with it.
 */
@Revision("1")
public record CreditsRolledOver(CreditAccountId accountId, String fromGrantId, String toGrantId, long minutes)
        implements CreditEvent {}
