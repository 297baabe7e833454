package com.coworkly.commandside.booking;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;

import java.util.ArrayList;
import java.util.List;

/** The credits a booking's handlers gave back, kept for the test to read; a spending covers nothing. */
final class RecordedCredits implements BookingCredits {

    record GivenBack(MemberId member, BookingId booking, long minutes) {}

    record GivenBackToPool(CompanyId company, BookingId booking, long minutes) {}

    final List<GivenBack> givenBack = new ArrayList<>();
    final List<GivenBackToPool> givenBackToPool = new ArrayList<>();

    @Override
    public long spend(MemberId member, BookingId booking, long minutes, ResourceKind kind, SpaceId space) {
        return 0;
    }

    @Override
    public void giveBack(MemberId member, BookingId booking, long minutes) {
        givenBack.add(new GivenBack(member, booking, minutes));
    }

    @Override
    public long spendFromPool(CompanyId company, BookingId booking, long minutes, ResourceKind kind, SpaceId space) {
        return 0;
    }

    @Override
    public void giveBackToPool(CompanyId company, BookingId booking, long minutes) {
        givenBackToPool.add(new GivenBackToPool(company, booking, minutes));
    }
}
