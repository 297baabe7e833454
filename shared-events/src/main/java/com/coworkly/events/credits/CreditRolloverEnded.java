package com.coworkly.events.credits;

import org.axonframework.serialization.Revision;

/**
 * No next period will come for the ledger's grants (the membership that granted them was cancelled, ended or
 * suspended): they expire whole at their end, and minutes waiting for a next period expire now (as
 * {@link CreditsExpired}, in the same step).
 */
@Revision("1")
public record CreditRolloverEnded(CreditAccountId accountId, String reason) implements CreditEvent {}
