package com.coworkly.commandside.booking;

import com.coworkly.commandside.credits.CreditLedgers;
import com.coworkly.commandside.credits.ReturnCredits;
import com.coworkly.commandside.credits.SpendCredits;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.credits.CreditAccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Bookings' credits on the member's own ledger, and on their company's pool. */
@Component
class LedgerBookingCredits implements BookingCredits {

    private final CreditLedgers ledgers;
    private final JdbcTemplate jdbc;

    LedgerBookingCredits(CreditLedgers ledgers, JdbcTemplate jdbc) {
        this.ledgers = ledgers;
        this.jdbc = jdbc;
    }

    @Override
    public long spend(MemberId member, BookingId booking, long minutes, ResourceKind kind, SpaceId space) {
        return ledgers.spend(new SpendCredits(CreditAccountId.ofMember(member), booking, minutes, kind, space));
    }

    @Override
    public void giveBack(MemberId member, BookingId booking, long minutes) {
        ledgers.giveBack(new ReturnCredits(CreditAccountId.ofMember(member), booking, minutes));
    }

    @Override
    public long spendFromPool(CompanyId company, BookingId booking, long minutes, ResourceKind kind, SpaceId space) {
        CreditAccountId pool = CreditAccountId.ofCompany(company);
        // Seat holders racing for the pool hold their own locks, not each other's: the pool's lock queues them, so
        // that each decides on the pool as the one before left it, instead of losing optimistic-locking races. Taken
        // after the member's lock, and never the other way round, so no two placements wait for each other.
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", pool.value());
        return ledgers.spend(new SpendCredits(pool, booking, minutes, kind, space));
    }

    @Override
    public void giveBackToPool(CompanyId company, BookingId booking, long minutes) {
        ledgers.giveBack(new ReturnCredits(CreditAccountId.ofCompany(company), booking, minutes));
    }
}
