package com.coworkly.commandside.plans;

import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.membership.PlanTerms;

import java.util.Currency;

/**
 * A plan names only spaces that exist and price in the plan's currency: its credits are spent on those spaces'
 * resources and its fee is billed with their bookings, so a second currency would have no exchange rate to meet.
 */
final class CoveredSpaces {

    private CoveredSpaces() {}

    static void requireSellable(PlanTerms terms, SpaceDirectory spaces) {
        Currency currency = terms.monthlyPrice().currency();
        for (SpaceId space : terms.coverage().spaces()) {
            Currency spaceCurrency =
                    spaces.termsOf(space).map(SpaceTerms::currency).orElseThrow(() -> PlanRefusal.unknownSpace(space));
            if (!spaceCurrency.equals(currency)) {
                throw PlanRefusal.spaceInOtherCurrency(space, spaceCurrency);
            }
        }
    }
}
