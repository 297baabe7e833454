package com.coworkly.commandside.companybilling;

import com.coworkly.commandside.booking.CompanyCharges;
import com.coworkly.commandside.companies.CompanyFees;
import com.coworkly.commandside.companies.CompanySeats;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Bookings' charges and plans' fees on their companies' bills. Each bill decides with its own handler, inside the booking's unit of
 * work (as {@code CreditLedgers} does for credits), so that a booking and its charge are stored in one transaction
 * and the audit trail shows one cause.
 */
@Component
class CompanyBills implements CompanyCharges, CompanyFees {

    private final Repository<CompanyBill> bills;
    private final CompanySeats seats;
    private final BillingMonths months;

    CompanyBills(
            @Qualifier("companyBillRepository") Repository<CompanyBill> bills,
            CompanySeats seats,
            BillingMonths months) {
        this.bills = bills;
        this.seats = seats;
        this.months = months;
    }

    @Override
    public Optional<CompanyId> payerOf(MemberId member) {
        return seats.lockAndFind(member);
    }

    @Override
    public String charge(Charge charge, Instant at) {
        BillingMonths.BillingMonth month = months.of(at, charge.timeZone());
        String billId = billIdOf(charge.company(), charge.space(), month);
        decide(billId, new ChargeBooking(billId, month.name(), month.closesAt(), month.invoicedAt(), charge));
        return billId;
    }

    @Override
    public void charge(Fee fee) {
        BillingMonths.BillingMonth month = months.of(fee.at(), fee.timeZone());
        String billId = billIdOf(fee.company(), fee.space(), month);
        decide(billId, new ChargeFee(billId, month.name(), month.closesAt(), month.invoicedAt(), fee));
    }

    @Override
    public void reduce(String billId, BookingId booking, Money amount, Instant at) {
        decide(billId, new ReduceCharge(billId, booking, amount, at));
    }

    private static String billIdOf(CompanyId company, SpaceId space, BillingMonths.BillingMonth month) {
        return "bill-" + company.value() + "-" + space.value() + "-" + month.name();
    }

    private void decide(String billId, Object command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .withMetaData(CurrentUnitOfWork.map(UnitOfWork::getMessage)
                        .map(Message::getMetaData)
                        .orElse(MetaData.emptyInstance()));
        try {
            bills.loadOrCreate(billId, CompanyBill::new).handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("company bill " + billId + " failed to decide " + command, e);
        }
    }
}
