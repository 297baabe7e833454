package com.coworkly.commandside.companies;

import com.coworkly.commandside.credits.EndRollover;
import com.coworkly.commandside.credits.GrantCredits;

/** The company's shared credit pool, a ledger of its own, moved inside the plan's unit of work. */
public interface CompanyPool {

    void grant(GrantCredits grant);

    void endRollover(EndRollover end);
}
