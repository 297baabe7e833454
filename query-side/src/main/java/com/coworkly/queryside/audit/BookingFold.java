package com.coworkly.queryside.audit;

import com.coworkly.events.booking.BookingBilledToCompany;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPaidFromCompanyPool;
import com.coworkly.events.booking.BookingPaidWithCredits;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.booking.LatePaymentReceived;
import com.coworkly.events.booking.PaymentRequested;
import com.coworkly.events.booking.RefundIssued;
import com.coworkly.events.booking.ReminderFellDue;
import com.coworkly.events.invoicing.InvoiceIssued;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A booking: its terms as placed, its status, its payment, its cancellation, refunds and invoices. */
class BookingFold implements StateFold {

    private final Map<String, Object> state = new LinkedHashMap<>();
    private final List<Map<String, Object>> refunds = new ArrayList<>();
    private final List<Map<String, Object>> invoices = new ArrayList<>();

    @Override
    public void apply(Object event) {
        if (event instanceof BookingPlaced placed) {
            state.put("bookingId", placed.bookingId().value());
            state.put("resourceId", placed.resourceId().value());
            state.put("spaceId", placed.spaceId().value());
            state.put("memberId", placed.memberId().value());
            state.put(
                    "seriesId",
                    placed.seriesId() == null ? null : placed.seriesId().value());
            state.put("period", placed.period());
            state.put("timeZone", placed.timeZone().getId());
            state.put("price", placed.price());
            state.put("cancellationPolicy", placed.cancellationPolicy());
            state.put("status", "PENDING_PAYMENT");
            state.put("payment", null);
            state.put("billedTo", null);
            state.put("reminded", false);
        } else if (event instanceof PaymentRequested requested) {
            state.put(
                    "payment",
                    fields(
                            "provider",
                            requested.provider(),
                            "paymentId",
                            requested.paymentId(),
                            "amount",
                            requested.amount()));
        } else if (event instanceof BookingPaidWithCredits credits) {
            state.put("creditMinutes", credits.minutes());
            state.put("fullPrice", credits.fullPrice());
        } else if (event instanceof BookingPaidFromCompanyPool pooled) {
            state.put("poolMinutes", fields("companyId", pooled.companyId().value(), "minutes", pooled.minutes()));
        } else if (event instanceof BookingBilledToCompany billed) {
            state.put("billedTo", fields("companyId", billed.companyId().value(), "billId", billed.billId()));
        } else if (event instanceof BookingConfirmed) {
            state.put("status", "CONFIRMED");
        } else if (event instanceof BookingCancelled cancelled) {
            state.put("status", "CANCELLED");
            state.put(
                    "cancellation",
                    fields(
                            "cancelledBy",
                            cancelled.cancelledBy(),
                            "reason",
                            cancelled.reason(),
                            "note",
                            cancelled.note(),
                            "fee",
                            cancelled.fee(),
                            "refund",
                            cancelled.refund()));
        } else if (event instanceof BookingExpired expired) {
            state.put("status", "EXPIRED");
            state.put("expiry", fields("reason", expired.reason()));
        } else if (event instanceof BookingCompleted) {
            state.put("status", "COMPLETED");
        } else if (event instanceof RefundIssued refund) {
            refunds.add(
                    fields("provider", refund.provider(), "refundId", refund.refundId(), "amount", refund.amount()));
        } else if (event instanceof LatePaymentReceived late) {
            state.put(
                    "latePayment",
                    fields("provider", late.provider(), "paymentId", late.paymentId(), "amount", late.amount()));
        } else if (event instanceof ReminderFellDue) {
            state.put("reminded", true);
        } else if (event instanceof InvoiceIssued invoice) {
            invoices.add(fields(
                    "invoiceId",
                    invoice.invoiceId(),
                    "kind",
                    invoice.kind(),
                    "number",
                    invoice.number(),
                    "gross",
                    invoice.gross(),
                    "credits",
                    invoice.credits()));
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(state);
        view.put("refunds", List.copyOf(refunds));
        view.put("invoices", List.copyOf(invoices));
        return view;
    }

    /** Like {@code Map.of}, in this order, and allowing nulls: an absent note is shown as null. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
