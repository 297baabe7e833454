package com.coworkly.events.companybilling;

/**
 * Everything that happens to a company's bill: the bookings its members place in one month at one space, charged as
 * they are placed and invoiced together when the month is over. Projections switch over it exhaustively.
 */
public sealed interface CompanyBillEvent
        permits CompanyBillOpened, CompanyBookingCharged, CompanyFeeCharged, CompanyChargeReduced, CompanyBillClosed {

    String billId();
}
