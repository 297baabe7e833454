package com.coworkly.commandside.companybilling;

import com.coworkly.commandside.booking.CompanyCharges.Charge;
import com.coworkly.commandside.companies.CompanyFees.Fee;
import com.coworkly.commandside.invoicing.Invoicing;
import com.coworkly.commandside.invoicing.Invoicing.CompanyLine;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.companybilling.CompanyBillClosed;
import com.coworkly.events.companybilling.CompanyBillOpened;
import com.coworkly.events.companybilling.CompanyBookingCharged;
import com.coworkly.events.companybilling.CompanyChargeReduced;
import com.coworkly.events.companybilling.CompanyFeeCharged;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A company's bill for the bookings its members place in one month at one space (decision 38), and for the fees of
 * its plan's periods that start then at its home space: each booking is charged when it is placed, a cancellation before the month ends leaves only its fee, and when the month is over
 * (a durable deadline, which fires once across instances and restarts) the bill is invoiced as one invoice, numbered
 * in the space's series like every invoice. A cancellation after that is a credit note for what it gives back.
 */
@Aggregate
class CompanyBill {

    static final String CLOSING = "company-bill-closing";

    /** A booking on the bill, at what it charges now; {@code reduced} once a cancellation left only its fee. */
    private record Charged(Charge charge, Money amount, boolean reduced) {}

    @AggregateIdentifier
    private String billId;

    private CompanyId company;
    private SpaceId space;
    private ZoneId timeZone;
    private Instant closesAt;
    private final Map<BookingId, Charged> charges = new LinkedHashMap<>();
    /** The fees that are not bookings', by their id, as their invoice lines will state them. */
    private final Map<String, CompanyLine> fees = new LinkedHashMap<>();

    private boolean closed;
    /** The month's invoice, which cancellations after the close credit; null when nothing was left to invoice. */
    private String invoiceId;

    CompanyBill() {
        // for Axon
    }

    /** A booking is charged once, whatever the number of times it is asked. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChargeBooking command, DeadlineManager deadlines) {
        Charge charge = command.charge();
        openIfNew(
                command.billId(),
                charge.company(),
                charge.space(),
                command.month(),
                charge.timeZone(),
                command.closesAt(),
                command.invoicedAt(),
                deadlines);
        if (closed) {
            // The month's charges have until the bill is invoiced to commit, a minute after it closed; a placement
            // taking longer than that is a fault to see, not a booking to leave off every invoice.
            throw new IllegalStateException(
                    "bill " + billId + " is closed; booking " + charge.booking() + " was placed for it too late");
        }
        if (!charges.containsKey(charge.booking())) {
            apply(new CompanyBookingCharged(
                    billId,
                    charge.booking(),
                    charge.member(),
                    charge.resource(),
                    charge.period(),
                    charge.suppliedOn(),
                    charge.amount()));
        }
    }

    /**
     * A fee that is not a booking's (a period of the company's plan) is charged once. It is charged when its period
     * starts, by a deadline or a subscription that commits at once, so a closed bill is a fault as for bookings.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChargeFee command, DeadlineManager deadlines) {
        Fee fee = command.fee();
        openIfNew(
                command.billId(),
                fee.company(),
                fee.space(),
                command.month(),
                fee.timeZone(),
                command.closesAt(),
                command.invoicedAt(),
                deadlines);
        if (closed) {
            throw new IllegalStateException("bill " + billId + " is closed; fee " + fee.feeId() + " came too late");
        }
        if (!fees.containsKey(fee.feeId())) {
            apply(new CompanyFeeCharged(billId, fee.feeId(), fee.description(), fee.suppliedOn(), fee.amount()));
        }
    }

    private void openIfNew(
            String id,
            CompanyId company,
            SpaceId space,
            String month,
            ZoneId timeZone,
            Instant closesAt,
            Instant invoicedAt,
            DeadlineManager deadlines) {
        if (billId == null) {
            apply(new CompanyBillOpened(id, company, space, month, timeZone, closesAt));
            deadlines.schedule(invoicedAt, CLOSING, id);
        }
    }

    /** Only ever down: a cancellation given twice, or after one that kept less, changes nothing. */
    @CommandHandler
    void handle(ReduceCharge command, Invoicing invoicing) {
        Charged charged = charges.get(command.bookingId());
        if (charged == null || command.amount().minorUnits() >= charged.amount().minorUnits()) {
            return;
        }
        if (!closed) {
            apply(new CompanyChargeReduced(billId, command.bookingId(), command.amount()));
        } else {
            Money credited = charged.amount().minus(command.amount());
            apply(invoicing.companyCreditNote(
                    company,
                    space,
                    LocalDate.ofInstant(command.at(), timeZone),
                    lineOf(charged.charge(), "Cancelled: booking of", credited),
                    invoiceId));
        }
    }

    /** The month is over: what it charges is invoiced at once, as one invoice, issued on the next month's first day. */
    @DeadlineHandler(deadlineName = CLOSING)
    void monthEnded(String closingBill, Invoicing invoicing) {
        if (closed) {
            return;
        }
        // The plan's fees first, then the bookings, each in the order charged.
        List<CompanyLine> lines = Stream.concat(
                        fees.values().stream(),
                        charges.values().stream()
                                .filter(charged -> charged.amount().minorUnits() > 0)
                                .map(charged -> lineOf(
                                        charged.charge(),
                                        charged.reduced() ? "Late cancellation fee: booking of" : "Booking of",
                                        charged.amount())))
                .toList();
        String invoice = null;
        if (!lines.isEmpty()) {
            InvoiceIssued issued =
                    invoicing.companyInvoice(company, space, LocalDate.ofInstant(closesAt, timeZone), lines);
            apply(issued);
            invoice = issued.invoiceId();
        }
        apply(new CompanyBillClosed(billId, company, invoice));
    }

    private static CompanyLine lineOf(Charge charge, String nature, Money amount) {
        return new CompanyLine(
                charge.booking(), charge.resource(), nature, charge.period(), charge.suppliedOn(), amount);
    }

    @EventSourcingHandler
    void on(CompanyBillOpened event) {
        billId = event.billId();
        company = event.companyId();
        space = event.spaceId();
        timeZone = event.timeZone();
        closesAt = event.closesAt();
    }

    @EventSourcingHandler
    void on(CompanyBookingCharged event) {
        Charge charge = new Charge(
                company,
                space,
                timeZone,
                event.bookingId(),
                event.memberId(),
                event.resourceId(),
                event.period(),
                event.suppliedOn(),
                event.amount());
        charges.put(event.bookingId(), new Charged(charge, event.amount(), false));
    }

    @EventSourcingHandler
    void on(CompanyFeeCharged event) {
        fees.put(event.feeId(), CompanyLine.fee(event.description(), event.suppliedOn(), event.amount()));
    }

    @EventSourcingHandler
    void on(CompanyChargeReduced event) {
        charges.computeIfPresent(
                event.bookingId(), (booking, charged) -> new Charged(charged.charge(), event.amount(), true));
    }

    /** A credit note lowers what its booking's line still charges, which a later cancellation could credit. */
    @EventSourcingHandler
    void on(InvoiceIssued event) {
        if (event.kind() == InvoiceKind.CREDIT_NOTE) {
            for (InvoiceLine line : event.lines()) {
                charges.computeIfPresent(
                        line.bookingId(),
                        (booking, charged) ->
                                new Charged(charged.charge(), charged.amount().minus(line.gross()), charged.reduced()));
            }
        }
    }

    @EventSourcingHandler
    void on(CompanyBillClosed event) {
        closed = true;
        invoiceId = event.invoiceId();
    }
}
