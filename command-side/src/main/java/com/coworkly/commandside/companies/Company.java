package com.coworkly.commandside.companies;

import com.coworkly.commandside.catalogue.KnownMembers;
import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.credits.EndRollover;
import com.coworkly.commandside.credits.GrantCredits;
import com.coworkly.commandside.plans.PlanCatalogue;
import com.coworkly.commandside.plans.PlanRefusal;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import com.coworkly.events.company.CompanyPlanCancelled;
import com.coworkly.events.company.CompanyPlanEnded;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.company.CompanyPlanSubscribed;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.platform.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A business's account with the network: its administrators, the members who hold its seats, and the plan it may
 * hold for them, whose credits its seat holders share. A member holds one company's seat at most
 * (docs/memberships.md#companies).
 */
@Aggregate
class Company {

    static final String PLAN_PERIOD_END = "company-plan-period-end";

    @AggregateIdentifier
    private CompanyId companyId;

    private final Set<MemberId> administrators = new HashSet<>();
    private final Set<MemberId> seats = new HashSet<>();
    /** The plan the company holds, until it ends; null when it holds none. */
    private CompanyPlan plan;
    /** How many plans the company has taken, which keeps each one's grants apart. */
    private int plansTaken;

    Company() {
        // for Axon
    }

    @CommandHandler
    Company(RegisterCompany command) {
        apply(new CompanyRegistered(command.companyId(), command.name(), command.billingAddress(), command.vatId()));
    }

    /** Appointing an administrator twice is not an error: they simply are one already. */
    @CommandHandler
    void handle(AppointCompanyAdministrator command, KnownMembers members) {
        if (!members.exists(command.memberId())) {
            throw CompanyRefusal.unknownMember(command.memberId());
        }
        if (!administrators.contains(command.memberId())) {
            apply(new CompanyAdministratorAppointed(companyId, command.memberId()));
        }
    }

    /**
     * The company's administrators and the network's add members. The seat is checked under the member's lock
     * against every company's seats, so two companies adding one member at once give it to one of them.
     */
    @CommandHandler
    void handle(AddCompanyMember command, Actor actor, KnownMembers members, CompanySeats allSeats) {
        requireAdministeredBy(actor);
        if (!members.exists(command.memberId())) {
            throw CompanyRefusal.unknownMember(command.memberId());
        }
        if (seats.contains(command.memberId())) {
            return;
        }
        allSeats.lockAndFind(command.memberId()).ifPresent(other -> {
            throw CompanyRefusal.inAnotherCompany(command.memberId());
        });
        apply(new CompanyMemberAdded(companyId, command.memberId()));
    }

    /** Removing a member who holds no seat here changes nothing; naming no member at all is refused. */
    @CommandHandler
    void handle(RemoveCompanyMember command, Actor actor, KnownMembers members) {
        requireAdministeredBy(actor);
        if (!members.exists(command.memberId())) {
            throw CompanyRefusal.unknownMember(command.memberId());
        }
        if (seats.contains(command.memberId())) {
            apply(new CompanyMemberRemoved(companyId, command.memberId()));
        }
    }

    /**
     * What a plan taken answers: the period it started and what that period charged and granted, at the seats held
     * now.
     */
    public record PlanPeriod(PlanId planId, int number, Period period, int seats, Money fee, long poolMinutes) {}

    /**
     * The company's administrators and the network's take a plan on sale for the company, one at a time. The first
     * period starts now: the fee for the seats held is charged to the company's bill at its home space, and their
     * credits are granted to the company's pool at once, since a company pays by invoice, not in advance
     * (docs/memberships.md#company-plans).
     */
    @CommandHandler
    PlanPeriod handle(
            SubscribeCompany command,
            Actor actor,
            PlanCatalogue plans,
            SpaceDirectory spaces,
            Clock clock,
            CompanyFees fees,
            CompanyPool pool,
            DeadlineManager deadlines) {
        requireAdministeredBy(actor);
        PlanCatalogue.OnSale onSale =
                plans.current(command.planId()).orElseThrow(() -> PlanRefusal.notFound(command.planId()));
        if (onSale.retired()) {
            throw PlanRefusal.takesNoNewMembers(command.planId());
        }
        SpaceTerms home = spaces.termsOf(command.homeSpaceId())
                .orElseThrow(() -> CompanyRefusal.unknownSpace(command.homeSpaceId()));
        if (!onSale.terms().coverage().covers(command.homeSpaceId())) {
            throw CompanyRefusal.homeSpaceNotCovered(command.homeSpaceId());
        }
        if (!home.currency().equals(onSale.terms().monthlyPrice().currency())) {
            throw CompanyRefusal.homeSpaceInOtherCurrency(command.homeSpaceId());
        }
        if (plan != null) {
            throw CompanyRefusal.alreadySubscribed(plan.planId());
        }
        apply(new CompanyPlanSubscribed(
                companyId,
                command.planId(),
                onSale.revision(),
                onSale.terms(),
                command.homeSpaceId(),
                home.timeZone(),
                // Whole seconds: the periods' bounds are then stated alike by every reader, whatever its precision.
                clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        return startPeriod(1, onSale, fees, pool, deadlines);
    }

    /** Cancelled, the plan runs to the end of the period the company has been charged for; twice changes nothing. */
    @CommandHandler
    void handle(CancelCompanyPlan command, Actor actor) {
        requireAdministeredBy(actor);
        if (plan == null) {
            throw CompanyRefusal.noPlan();
        }
        if (!plan.cancelled()) {
            apply(new CompanyPlanCancelled(companyId, plan.period().end()));
        }
    }

    /**
     * A period is over (a durable deadline, once across instances and restarts): a cancelled plan ends, and its pool
     * carries nothing over any more; otherwise the next period starts, at the plan's newest revision, so a revision
     * counts from the next period as for members. A deadline of an earlier plan finds nothing to do.
     */
    @DeadlineHandler(deadlineName = PLAN_PERIOD_END)
    void planPeriodEnded(
            String grantId, PlanCatalogue plans, CompanyFees fees, CompanyPool pool, DeadlineManager deadlines) {
        if (plan == null || !grantId.equals(plan.grantId(companyId, plan.number()))) {
            return;
        }
        if (plan.cancelled()) {
            apply(new CompanyPlanEnded(companyId, plan.planId(), plan.period().end()));
            pool.endRollover(new EndRollover(CreditAccountId.ofCompany(companyId), "the company's plan ended"));
            return;
        }
        startPeriod(plan.number() + 1, plans.current(plan.planId()).orElseThrow(), fees, pool, deadlines);
    }

    private PlanPeriod startPeriod(
            int number, PlanCatalogue.OnSale onSale, CompanyFees fees, CompanyPool pool, DeadlineManager deadlines) {
        PlanTerms terms = onSale.terms();
        Period period = CompanyPlan.period(plan.startsAt(), plan.timeZone(), number);
        int seatsHeld = seats.size();
        Money fee = CompanyPlan.fee(terms, seatsHeld);
        long poolMinutes = Math.multiplyExact(terms.credits().minutes(), seatsHeld);
        String grantId = plan.grantId(companyId, number);
        apply(new CompanyPlanPeriodStarted(
                companyId, plan.planId(), onSale.revision(), number, period, seatsHeld, fee, poolMinutes, grantId));
        if (fee.minorUnits() > 0) {
            LocalDate firstDay = LocalDate.ofInstant(period.start(), plan.timeZone());
            fees.charge(new CompanyFees.Fee(
                    companyId,
                    plan.homeSpace(),
                    plan.timeZone(),
                    grantId,
                    "Plan " + terms.name() + ", " + seatsHeld + (seatsHeld == 1 ? " seat" : " seats") + ", "
                            + firstDay + " to "
                            + LocalDate.ofInstant(period.end(), plan.timeZone()).minusDays(1),
                    firstDay,
                    fee,
                    period.start()));
        }
        if (poolMinutes > 0) {
            pool.grant(new GrantCredits(
                    CreditAccountId.ofCompany(companyId),
                    grantId,
                    poolMinutes,
                    terms.credits().resourceKinds(),
                    terms.coverage(),
                    period.end(),
                    Math.multiplyExact(terms.rollover().capMinutes(), seatsHeld)));
        }
        deadlines.schedule(period.end(), PLAN_PERIOD_END, grantId);
        return new PlanPeriod(plan.planId(), number, period, seatsHeld, fee, poolMinutes);
    }

    private void requireAdministeredBy(Actor actor) {
        if (!actor.is(Role.ADMIN) && !administrators.contains(new MemberId(actor.id()))) {
            throw CompanyRefusal.notYours();
        }
    }

    @EventSourcingHandler
    void on(CompanyRegistered event) {
        companyId = event.companyId();
    }

    @EventSourcingHandler
    void on(CompanyAdministratorAppointed event) {
        administrators.add(event.memberId());
    }

    @EventSourcingHandler
    void on(CompanyMemberAdded event) {
        seats.add(event.memberId());
    }

    @EventSourcingHandler
    void on(CompanyMemberRemoved event) {
        seats.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(CompanyPlanSubscribed event) {
        plansTaken++;
        plan = new CompanyPlan(
                plansTaken,
                event.planId(),
                event.terms(),
                event.homeSpaceId(),
                event.timeZone(),
                event.startsAt(),
                0,
                null,
                false);
    }

    @EventSourcingHandler
    void on(CompanyPlanPeriodStarted event) {
        plan = plan.startedPeriod(event.number(), event.period(), plan.terms());
    }

    @EventSourcingHandler
    void on(CompanyPlanCancelled event) {
        plan = plan.cancel();
    }

    @EventSourcingHandler
    void on(CompanyPlanEnded event) {
        plan = null;
    }
}
