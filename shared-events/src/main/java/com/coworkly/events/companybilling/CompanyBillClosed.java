package com.coworkly.events.companybilling;

import com.coworkly.events.common.CompanyId;
import org.axonframework.serialization.Revision;

/**
 * The month of a company's bill is over: the bill was invoiced as one invoice ({@code invoiceId}), or, when every
 * booking on it was cancelled without a fee, it was closed with nothing to invoice ({@code invoiceId} null).
 * Cancellations from now on credit that invoice.
 */
@Revision("1")
public record CompanyBillClosed(String billId, CompanyId companyId, String invoiceId) implements CompanyBillEvent {}
