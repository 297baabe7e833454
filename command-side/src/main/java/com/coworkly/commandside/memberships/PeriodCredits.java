package com.coworkly.commandside.memberships;

import com.coworkly.commandside.credits.GrantCredits;

/** Where a paid period's credits go: the member's ledger, inside the paying command's unit of work. */
@FunctionalInterface
public interface PeriodCredits {

    void grant(GrantCredits grant);
}
