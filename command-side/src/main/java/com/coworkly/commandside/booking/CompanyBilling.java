package com.coworkly.commandside.booking;

import com.coworkly.events.common.CompanyId;

/** The company a booking is billed to, and the bill of the month it was charged on. */
record CompanyBilling(CompanyId company, String billId) {}
