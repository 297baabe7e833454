package com.coworkly.commandside.plans;

import com.coworkly.commandside.commands.Lookup;
import com.coworkly.events.common.PlanId;
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

import java.util.List;
import java.util.Optional;

/**
 * The command side's lookup of plans, written by a subscribing processor inside the transaction that stores the
 * plan's events, so a subscription never sees a revision older than the newest committed one.
 */
@Component
@ProcessingGroup(PlanCatalogueProjection.GROUP)
class PlanCatalogueProjection implements PlanCatalogue, Lookup {

    static final String GROUP = "plan-catalogue";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlanCatalogueProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<String> tables() {
        return List.of("plan_catalogue");
    }

    @EventHandler
    void on(PlanDefined event) {
        write(event.planId(), 1, event.terms());
    }

    @EventHandler
    void on(PlanRevised event) {
        write(event.planId(), event.revision(), event.terms());
    }

    @EventHandler
    void on(PlanRetired event) {
        jdbc.update(
                "UPDATE plan_catalogue SET retired = TRUE WHERE plan_id = ?",
                event.planId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE plan_catalogue");
    }

    @Override
    public Optional<OnSale> current(PlanId plan) {
        return jdbc
                .query(
                        "SELECT revision, terms::text AS terms, retired FROM plan_catalogue WHERE plan_id = ?",
                        (rs, row) -> new OnSale(
                                rs.getInt("revision"), read(rs.getString("terms")), rs.getBoolean("retired")),
                        plan.value())
                .stream()
                .findFirst();
    }

    private void write(PlanId plan, int revision, PlanTerms terms) {
        jdbc.update("""
                INSERT INTO plan_catalogue AS p (plan_id, revision, terms) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (plan_id) DO UPDATE SET revision = excluded.revision, terms = excluded.terms
                WHERE p.revision < excluded.revision""", plan.value(), revision, written(terms));
    }

    private String written(PlanTerms terms) {
        try {
            return json.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan terms are always serializable", e);
        }
    }

    private PlanTerms read(String terms) {
        try {
            return json.readValue(terms, PlanTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan_catalogue holds terms this version cannot read", e);
        }
    }
}
