package com.coworkly.commandside.payment;

import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.memberships.RecordPeriodPaid;
import com.coworkly.commandside.memberships.ScheduledPlan;
import com.coworkly.commandside.plans.PlanCatalogue;
import com.coworkly.events.common.MembershipId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.MembershipCancellationScheduled;
import com.coworkly.events.membership.MembershipEnded;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipPlanChangeScheduled;
import com.coworkly.events.membership.MembershipPlanChanged;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.MembershipSubscriptionOpened;
import com.coworkly.events.membership.MembershipSuspended;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Set;

/**
 * The simulation's subscription (no Stripe key, as in {@code bin/run}): as Stripe would invoice each renewal, this
 * collects the next period's fee when a period ends, on a durable deadline (so once, across restarts and
 * instances), and records it paid, saying in the log that it is simulated. The fee is the newest revision's price of
 * the plan the period takes: the scheduled one once a change is due. It stops when the membership is cancelled,
 * suspended or ended. Memberships billed elsewhere end this at once.
 */
@Saga
public class SimulatedRenewals {

    static final String RENEWAL = "simulated-renewal";
    private static final Logger log = LoggerFactory.getLogger(SimulatedRenewals.class);
    private static final Actor SIMULATION = Actor.system("simulated-billing");
    /** The demo's seeded first period is the simulation's too. */
    private static final Set<String> SIMULATED = Set.of("simulated", "demo-seed");

    @Autowired
    private transient SimulatedBillingCalendar calendar;

    @Autowired
    private transient DeadlineManager deadlines;

    @Autowired
    private transient CommandGateway commands;

    @Autowired
    private transient PlanCatalogue plans;

    private MembershipId membershipId;
    private PlanId planId;
    private ScheduledPlan nextPlan;

    public SimulatedRenewals() {
        // Axon instantiates sagas reflectively, without making constructors accessible: both must be public.
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "membershipId")
    void on(MembershipRequested event) {
        if (!calendar.active()) {
            SagaLifecycle.end();
            return;
        }
        membershipId = event.membershipId();
        planId = event.planId();
    }

    @SagaEventHandler(associationProperty = "membershipId")
    void on(MembershipSubscriptionOpened event) {
        if (!SIMULATED.contains(event.provider())) {
            SagaLifecycle.end();
        }
    }

    /** Each paid period's end is when the next one is invoiced. */
    @SagaEventHandler(associationProperty = "membershipId")
    void on(MembershipPeriodPaid event) {
        if (!SIMULATED.contains(event.provider())) {
            SagaLifecycle.end();
            return;
        }
        deadlines.cancelAllWithinScope(RENEWAL);
        deadlines.schedule(event.period().end(), RENEWAL, event.period().end());
    }

    @DeadlineHandler(deadlineName = RENEWAL)
    void renew(Instant periodStart) {
        Period period = calendar.periodFrom(periodStart);
        PlanId plan = ScheduledPlan.planOf(period, planId, nextPlan);
        Money fee = plans.current(plan).orElseThrow().terms().monthlyPrice();
        String invoice = "sim_in_" + membershipId + "_" + periodStart.getEpochSecond();
        log.info(
                "SIMULATED membership renewal {} of {} {} for membership {} ({} to {}): collected without charging anyone",
                invoice,
                fee.minorUnits(),
                fee.currency(),
                membershipId,
                period.start(),
                period.end());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new RecordPeriodPaid(membershipId, "simulated", invoice, period, fee))
                .andMetaData(ActorMetaData.of(SIMULATION)));
    }

    @SagaEventHandler(associationProperty = "membershipId")
    void on(MembershipPlanChangeScheduled event) {
        nextPlan = event.planId().equals(planId) ? null : new ScheduledPlan(event.planId(), event.fromPeriodStart());
    }

    @SagaEventHandler(associationProperty = "membershipId")
    void on(MembershipPlanChanged event) {
        planId = event.planId();
        nextPlan = null;
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "membershipId")
    void on(MembershipCancellationScheduled event) {
        deadlines.cancelAllWithinScope(RENEWAL);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "membershipId")
    void on(MembershipSuspended event) {
        deadlines.cancelAllWithinScope(RENEWAL);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "membershipId")
    void on(MembershipEnded event) {
        deadlines.cancelAllWithinScope(RENEWAL);
    }
}
