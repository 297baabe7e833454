package com.coworkly.commandside.credits;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.credits.CreditAccountId;

/** The commands a credit ledger decides. */
public sealed interface CreditCommand extends TargetsAggregate
        permits GrantCredits, SpendCredits, ReturnCredits, EndRollover {

    CreditAccountId accountId();

    @Override
    default String targetId() {
        return accountId().value();
    }

    @Override
    default RefusalCode notFoundCode() {
        return RefusalCode.CREDIT_ACCOUNT_NOT_FOUND;
    }
}
