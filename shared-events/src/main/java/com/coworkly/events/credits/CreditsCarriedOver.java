package com.coworkly.events.credits;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A grant that rolls over reached its end before the next period's grant was made (a renewal is paid some time
 * after its period began): up to the plan's cap of what was left waits for it, spendable until {@code until}, and
 * rolls into it when it comes. What the cap did not keep expired in the same step.
 */
@Revision("1")
public record CreditsCarriedOver(CreditAccountId accountId, String grantId, long minutes, Instant until)
        implements CreditEvent {}
