package com.coworkly.commandside.plans;

import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.PlanTerms;

import java.util.Optional;

/** What a subscription needs to know of a plan, which is another aggregate: its newest revision and whether it is retired. */
public interface PlanCatalogue {

    record OnSale(int revision, PlanTerms terms, boolean retired) {}

    Optional<OnSale> current(PlanId plan);
}
