package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.KnownMembers;
import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Places a booking, for the member who asks or for another member by a manager of the space (at the front desk), an
 * administrator of the member's company, or a network administrator (the booking is the member's, and rules 1 to 3 apply to the member; the events name who placed
 * it in their metadata, which the audit trail shows). The resource quotes its placement terms, the ledger checks that the slot is free and that the
 * member stays within three at a time, the member's credits pay what they cover, and the booking is created. All of
 * it runs in one transaction with the events.
 */
@Component
public class BookingPlacement {

    /**
     * What a placed booking answers: its status, the terms it was quoted (at the price left to pay by card, or to bill
     * to the company {@code billedTo}, null when its member pays), and the minutes its member's credits paid.
     */
    public record Placed(BookingStatus status, Quote quote, long creditMinutes, CompanyId billedTo) {}

    private final PlacementTerms placementTerms;
    private final Bookings bookings;
    private final BookingLedger ledger;
    private final BookingCredits credits;
    private final CreditsOnlyPlans creditsOnly;
    private final SpaceDirectory spaces;
    private final KnownMembers members;
    private final TeamAdministrators teams;
    private final CompanyCharges charges;
    private final Clock clock;

    BookingPlacement(
            PlacementTerms placementTerms,
            Bookings bookings,
            BookingLedger ledger,
            BookingCredits credits,
            CreditsOnlyPlans creditsOnly,
            SpaceDirectory spaces,
            KnownMembers members,
            TeamAdministrators teams,
            CompanyCharges charges,
            Clock clock) {
        this.placementTerms = placementTerms;
        this.bookings = bookings;
        this.ledger = ledger;
        this.credits = credits;
        this.creditsOnly = creditsOnly;
        this.spaces = spaces;
        this.members = members;
        this.teams = teams;
        this.charges = charges;
        this.clock = clock;
    }

    @CommandHandler
    Placed handle(PlaceBooking command, Actor actor) throws Exception {
        PlacementTerms.Terms terms = placementTerms.of(command.resourceId());
        if (!actor.isMember(command.memberId())) {
            requireMayBookFor(command.memberId(), terms.resource().spaceId(), actor);
        }
        Quote quote = PlacementPolicy.quote(terms.resource(), terms.space(), command.period(), clock.instant());
        Period held = quote.buffers().around(command.period());
        if (terms.resource().isPool()) {
            ledger.requireSeat(command.resourceId(), held, terms.resource().seats(), List.of());
        } else {
            ledger.requireFree(command.resourceId(), held);
        }
        ledger.requireWithinMemberLimit(command.memberId(), command.period());
        ledger.requireWithinQuotas(
                command.memberId(),
                terms.resource().spaceId(),
                terms.quotas(),
                terms.space().timeZone(),
                command.period());
        // The member's credits pay first, in this transaction, then their company's pool: a placement refused later
        // gives them all back.
        long minutes = command.period().length().toMinutes();
        long own = credits.spend(
                command.memberId(),
                command.bookingId(),
                minutes,
                terms.resource().kind(),
                terms.resource().spaceId());
        Optional<CompanyId> company = own < minutes ? charges.payerOf(command.memberId()) : Optional.empty();
        long pooled = own < minutes && company.isPresent()
                ? credits.spendFromPool(
                        company.get(),
                        command.bookingId(),
                        minutes - own,
                        terms.resource().kind(),
                        terms.resource().spaceId())
                : 0;
        long covered = own + pooled;
        if (covered < minutes
                && creditsOnly.takesOnlyCredits(
                        command.memberId(),
                        terms.resource().kind(),
                        terms.resource().spaceId())) {
            // Refused after the spending: the refusal rolls it back with everything else of this placement.
            throw BookingRefusal.notEnoughCredits(minutes, covered);
        }
        CreditShare share = CreditShare.of(quote.price(), minutes, covered).pooledFrom(company.orElse(null), pooled);
        Quote toPay = quote.at(share.cardPrice());
        CompanyBilling bill = toPay.price().minorUnits() > 0
                ? company.map(payer -> billToCompany(payer, command, toPay)).orElse(null)
                : null;
        bookings.place(command, toPay, null, share, bill);
        BookingStatus status = toPay.price().minorUnits() == 0 || bill != null
                ? BookingStatus.CONFIRMED
                : BookingStatus.PENDING_PAYMENT;
        return new Placed(status, toPay, covered, bill == null ? null : bill.company());
    }

    /**
     * A member who holds a company's seat books on the company's account: what the credits leave is charged to the
     * company's bill of the month, not paid by card (decision 38). The seat is read under the member's lock, which
     * the ledger took, so a seat given or taken at the same time is either wholly before or wholly after; the same
     * seat lets the booking draw on the company's pool.
     */
    private CompanyBilling billToCompany(CompanyId company, PlaceBooking command, Quote toPay) {
        String billId = charges.charge(
                new CompanyCharges.Charge(
                        company,
                        toPay.spaceId(),
                        toPay.timeZone(),
                        command.bookingId(),
                        command.memberId(),
                        command.resourceId(),
                        Booked.describe(command.period(), toPay.timeZone()),
                        LocalDate.ofInstant(command.period().start(), toPay.timeZone()),
                        toPay.price()),
                clock.instant());
        return new CompanyBilling(company, billId);
    }

    /** Whom the caller may book for is checked before whether that member exists, so a stranger learns neither. */
    private void requireMayBookFor(MemberId member, SpaceId space, Actor actor) {
        MemberId caller = new MemberId(actor.id());
        if (!actor.is(Role.ADMIN) && !spaces.isManagedBy(space, caller) && !teams.administersTeamOf(caller, member)) {
            throw BookingRefusal.notYoursToBookFor();
        }
        if (!members.exists(member)) {
            throw BookingRefusal.unknownMember(member);
        }
    }
}
