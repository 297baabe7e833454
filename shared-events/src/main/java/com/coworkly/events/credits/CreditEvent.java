package com.coworkly.events.credits;

/** Everything that happens to a credit ledger; projections switch over it exhaustively. */
public sealed interface CreditEvent
        permits CreditsGranted,
                CreditsSpent,
                CreditsReturned,
                CreditsExpired,
                CreditsCarriedOver,
                CreditsRolledOver,
                CreditRolloverEnded {

    CreditAccountId accountId();
}
