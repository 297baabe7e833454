package com.coworkly.commandside.plans;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanRetired;
import com.coworkly.events.membership.PlanRevised;
import com.coworkly.events.membership.PlanTerms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A membership plan the network sells, as a sequence of revisions: a revision never changes what a period already
 * begun grants, and a retired plan takes no new members (docs/memberships.md).
 */
@Aggregate
class Plan {

    @AggregateIdentifier
    private PlanId planId;

    private int revision;
    private PlanTerms terms;
    private boolean retired;

    Plan() {
        // for Axon
    }

    @CommandHandler
    Plan(DefinePlan command, SpaceDirectory spaces) {
        CoveredSpaces.requireSellable(command.terms(), spaces);
        apply(new PlanDefined(command.planId(), command.terms()));
    }

    /** The same terms again are no revision; a plan keeps its currency, since its subscriptions do. */
    @CommandHandler
    void handle(RevisePlan command, SpaceDirectory spaces) {
        if (retired) {
            throw PlanRefusal.retired(planId);
        }
        if (!command.terms().monthlyPrice().isIn(terms.monthlyPrice().currency())) {
            throw PlanRefusal.currencyChanged(terms.monthlyPrice().currency());
        }
        CoveredSpaces.requireSellable(command.terms(), spaces);
        if (!command.terms().equals(terms)) {
            apply(new PlanRevised(planId, revision + 1, command.terms()));
        }
    }

    /** Retiring twice is not an error: the plan simply is retired already. */
    @CommandHandler
    void handle(RetirePlan command) {
        if (!retired) {
            apply(new PlanRetired(planId));
        }
    }

    @EventSourcingHandler
    void on(PlanDefined event) {
        planId = event.planId();
        revision = 1;
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(PlanRevised event) {
        revision = event.revision();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(PlanRetired event) {
        retired = true;
    }
}
