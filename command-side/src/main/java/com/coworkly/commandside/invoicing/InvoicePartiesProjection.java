package com.coworkly.commandside.invoicing;

import com.coworkly.commandside.commands.Lookup;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.events.identity.MemberRegistered;
import com.coworkly.events.invoicing.Buyer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The names an invoice prints, kept next to the events like the other lookups and rebuildable from them: each
 * member's name and each resource's current name. An invoice copies them into its event when it is issued, so a
 * later rename changes only invoices issued after it. Members give no billing address yet: the buyer of every
 * invoice is a private person named by name (decision 37).
 */
@Component
@ProcessingGroup("invoice-parties")
class InvoicePartiesProjection implements InvoiceParties, Lookup {

    private final JdbcTemplate jdbc;

    InvoicePartiesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("invoice_buyer", "invoice_resource", "invoice_company");
    }

    @EventHandler
    void on(MemberRegistered event) {
        jdbc.update(
                "INSERT INTO invoice_buyer (member_id, name) VALUES (?, ?) ON CONFLICT (member_id) DO NOTHING",
                event.memberId().value(),
                event.name());
    }

    @EventHandler
    void on(CompanyRegistered event) {
        Address address = event.billingAddress();
        jdbc.update(
                """
                INSERT INTO invoice_company (company_id, name, street, postal_code, city, country_code, vat_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_id) DO NOTHING""",
                event.companyId().value(),
                event.name(),
                address.street(),
                address.postalCode(),
                address.city(),
                address.countryCode(),
                event.vatId());
    }

    @EventHandler
    void on(ResourceAdded event) {
        named(event.resourceId(), event.description().name());
    }

    @EventHandler
    void on(ResourceDescriptionRevised event) {
        named(event.resourceId(), event.description().name());
    }

    private void named(ResourceId resource, String name) {
        jdbc.update("""
                INSERT INTO invoice_resource (resource_id, name) VALUES (?, ?)
                ON CONFLICT (resource_id) DO UPDATE SET name = excluded.name""", resource.value(), name);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE invoice_buyer, invoice_resource, invoice_company");
    }

    @Override
    public Optional<Buyer> buyer(MemberId member) {
        return jdbc
                .queryForList("SELECT name FROM invoice_buyer WHERE member_id = ?", String.class, member.value())
                .stream()
                .findFirst()
                .map(name -> new Buyer(name, null, null));
    }

    @Override
    public Optional<Buyer> companyBuyer(CompanyId company) {
        return jdbc
                .query(
                        "SELECT * FROM invoice_company WHERE company_id = ?",
                        (row, n) -> new Buyer(
                                row.getString("name"),
                                new Address(
                                        row.getString("street"),
                                        row.getString("postal_code"),
                                        row.getString("city"),
                                        row.getString("country_code")),
                                row.getString("vat_id")),
                        company.value())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<String> resourceName(ResourceId resource) {
        return jdbc
                .queryForList("SELECT name FROM invoice_resource WHERE resource_id = ?", String.class, resource.value())
                .stream()
                .findFirst();
    }
}
