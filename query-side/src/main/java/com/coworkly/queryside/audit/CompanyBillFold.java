package com.coworkly.queryside.audit;

import com.coworkly.events.companybilling.CompanyBillClosed;
import com.coworkly.events.companybilling.CompanyBillOpened;
import com.coworkly.events.companybilling.CompanyBookingCharged;
import com.coworkly.events.companybilling.CompanyChargeReduced;
import com.coworkly.events.companybilling.CompanyFeeCharged;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A company's bill for a month at a space: what each booking on it charges, and the documents it issued. */
class CompanyBillFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();
    private final Map<String, Long> charges = new LinkedHashMap<>();
    private final Map<String, Long> fees = new LinkedHashMap<>();
    private final List<String> documents = new ArrayList<>();

    @Override
    public void apply(Object event) {
        if (event instanceof CompanyBillOpened opened) {
            state.put("billId", opened.billId());
            state.put("companyId", opened.companyId().value());
            state.put("spaceId", opened.spaceId().value());
            state.put("month", opened.month());
            state.put("closesAt", opened.closesAt());
            state.put("currency", null);
            state.put("status", "OPEN");
        } else if (event instanceof CompanyBookingCharged charged) {
            state.put("currency", charged.amount().currency().getCurrencyCode());
            charges.put(charged.bookingId().value(), charged.amount().minorUnits());
        } else if (event instanceof CompanyFeeCharged fee) {
            state.put("currency", fee.amount().currency().getCurrencyCode());
            fees.put(fee.feeId(), fee.amount().minorUnits());
        } else if (event instanceof CompanyChargeReduced reduced) {
            charges.put(reduced.bookingId().value(), reduced.amount().minorUnits());
        } else if (event instanceof InvoiceIssued issued) {
            documents.add(issued.number());
            if (issued.kind() == InvoiceKind.CREDIT_NOTE) {
                issued.lines()
                        .forEach(line -> charges.computeIfPresent(
                                line.bookingId().value(),
                                (booking, amount) -> amount - line.gross().minorUnits()));
            }
        } else if (event instanceof CompanyBillClosed closed) {
            state.put("status", "CLOSED");
            state.put("invoiceId", closed.invoiceId());
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(state);
        view.put("fees", fees);
        view.put("charges", charges);
        view.put("documents", documents);
        return view;
    }
}
