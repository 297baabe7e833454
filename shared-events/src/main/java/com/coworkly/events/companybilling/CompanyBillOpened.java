package com.coworkly.events.companybilling;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A company's first booking of a month at a space opened its bill for that month ({@code month}, e.g.
 * {@code 2026-12}, the space's calendar month): the bill closes, and is invoiced, at {@code closesAt}, the start of
 * the next month in the space's time zone ({@code timeZone}).
 */
@Revision("1")
public record CompanyBillOpened(
        String billId, CompanyId companyId, SpaceId spaceId, String month, ZoneId timeZone, Instant closesAt)
        implements CompanyBillEvent {}
