package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reductions a booking's handlers asked of company bills, kept for the test to read; nobody holds a seat. */
final class RecordedCharges implements CompanyCharges {

    record Reduced(String billId, BookingId booking, Money amount) {}

    final List<Reduced> reduced = new ArrayList<>();

    @Override
    public Optional<CompanyId> payerOf(MemberId member) {
        return Optional.empty();
    }

    @Override
    public String charge(Charge charge, Instant at) {
        throw new UnsupportedOperationException("a booking's own handlers never charge a bill");
    }

    @Override
    public void reduce(String billId, BookingId booking, Money amount, Instant at) {
        reduced.add(new Reduced(billId, booking, amount));
    }
}
