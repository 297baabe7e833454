package com.coworkly.commandside.plans;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanTerms;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The rules a plan's terms keep by construction; over the API each is a 400 {@code VALIDATION_FAILED}. */
class PlanTermsTest {

    @Test
    void creditsAreNeverNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CreditAllowance(-60, Set.of(ResourceKind.DESK)))
                .withMessageContaining("negative");
    }

    @Test
    void creditsAreUsableOnSomeKindOfResource() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CreditAllowance(60, Set.of()))
                .withMessageContaining("at least one kind");
    }

    @Test
    void aRolloverCapIsNeverNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> CreditRollover.upTo(-1));
    }

    @Test
    void aPlanCoversTheNetworkOrItsSpacesNotBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanCoverage(true, Set.of(new SpaceId("space-central"))));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlanCoverage(false, Set.of()));
    }

    @Test
    void aCreditsOnlyPlanGrantsCredits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PlanTerms(
                        "Empty",
                        Money.of(0, "EUR"),
                        CreditAllowance.NONE,
                        CreditRollover.NONE,
                        PlanCoverage.network(),
                        true))
                .withMessageContaining("only with credits");
    }
}
