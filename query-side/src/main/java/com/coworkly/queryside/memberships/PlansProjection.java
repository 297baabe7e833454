package com.coworkly.queryside.memberships;

import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanRetired;
import com.coworkly.events.membership.PlanRevised;
import com.coworkly.events.membership.PlanTerms;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.stream.Stream;

/**
 * Keeps the plans of the memberships read model at their newest revision. A revision is written only over an older
 * one, so an event delivered twice, or a replay, changes nothing the second time.
 */
@Component
@ProcessingGroup(PlansProjection.GROUP)
class PlansProjection {

    static final String GROUP = "memberships";

    private static final String UPSERT = """
            INSERT INTO plan_view AS p (plan_id, revision, name, monthly_price, currency, credit_minutes,
                                        credit_resource_kinds, rolls_over, rollover_cap_minutes, whole_network,
                                        space_ids, credits_only)
            VALUES (?, ?, ?, ?, ?, ?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?, ?, ?,
                    ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?)
            ON CONFLICT (plan_id) DO UPDATE SET
                revision = excluded.revision, name = excluded.name, monthly_price = excluded.monthly_price,
                currency = excluded.currency, credit_minutes = excluded.credit_minutes,
                credit_resource_kinds = excluded.credit_resource_kinds, rolls_over = excluded.rolls_over,
                rollover_cap_minutes = excluded.rollover_cap_minutes, whole_network = excluded.whole_network,
                space_ids = excluded.space_ids, credits_only = excluded.credits_only
            WHERE p.revision < excluded.revision""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlansProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PlanDefined event) {
        write(event.planId().value(), 1, event.terms());
    }

    @EventHandler
    void on(PlanRevised event) {
        write(event.planId().value(), event.revision(), event.terms());
    }

    @EventHandler
    void on(PlanRetired event) {
        jdbc.update(
                "UPDATE plan_view SET retired = TRUE WHERE plan_id = ?",
                event.planId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE plan_view");
    }

    private void write(String planId, int revision, PlanTerms terms) {
        jdbc.update(
                UPSERT,
                planId,
                revision,
                terms.name(),
                terms.monthlyPrice().minorUnits(),
                terms.monthlyPrice().currency().getCurrencyCode(),
                terms.credits().minutes(),
                asJson(terms.credits().resourceKinds().stream().map(Enum::name)),
                terms.rollover().rollsOver(),
                terms.rollover().capMinutes(),
                terms.coverage().wholeNetwork(),
                asJson(terms.coverage().spaces().stream().map(Object::toString)),
                terms.creditsOnly());
    }

    /** A list as JSON text, which the statement turns into an array: a rebuild queues statements as text. */
    private String asJson(Stream<String> values) {
        try {
            return json.writeValueAsString(values.sorted().toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always serializable", e);
        }
    }
}
