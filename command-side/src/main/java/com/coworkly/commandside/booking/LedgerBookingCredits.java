package com.coworkly.commandside.booking;

import com.coworkly.commandside.credits.CreditLedgers;
import com.coworkly.commandside.credits.ReturnCredits;
import com.coworkly.commandside.credits.SpendCredits;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.credits.CreditAccountId;
import org.springframework.stereotype.Component;

/** Bookings' credits on the member's own ledger. */
@Component
class LedgerBookingCredits implements BookingCredits {

    private final CreditLedgers ledgers;

    LedgerBookingCredits(CreditLedgers ledgers) {
        this.ledgers = ledgers;
    }

    @Override
    public long spend(MemberId member, BookingId booking, long minutes, ResourceKind kind, SpaceId space) {
        return ledgers.spend(new SpendCredits(CreditAccountId.ofMember(member), booking, minutes, kind, space));
    }

    @Override
    public void giveBack(MemberId member, BookingId booking, long minutes) {
        ledgers.giveBack(new ReturnCredits(CreditAccountId.ofMember(member), booking, minutes));
    }
}
