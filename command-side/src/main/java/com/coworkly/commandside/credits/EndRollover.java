package com.coworkly.commandside.credits;

import com.coworkly.events.credits.CreditAccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** No next period will come for the ledger's grants: nothing carries over any more, and what waits expires. */
public record EndRollover(@TargetAggregateIdentifier CreditAccountId accountId, String reason)
        implements CreditCommand {}
