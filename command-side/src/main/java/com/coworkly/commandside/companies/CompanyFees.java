package com.coworkly.commandside.companies;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The company's plan fees on its monthly bill at its home space, charged inside the plan's own unit of work, so that
 * a period and its fee stand or fall together (as bookings' charges do).
 */
public interface CompanyFees {

    /** A period's fee, charged {@code at}; {@code feeId} names it once, so asking twice charges it once. */
    record Fee(
            CompanyId company,
            SpaceId space,
            ZoneId timeZone,
            String feeId,
            String description,
            LocalDate suppliedOn,
            Money amount,
            Instant at) {}

    void charge(Fee fee);
}
