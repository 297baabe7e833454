package com.coworkly.commandside.companies;

import com.coworkly.commandside.booking.TeamAdministrators;
import com.coworkly.commandside.commands.Lookup;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Companies' seats and administrators, written by a subscribing processor in the transaction of the events it
 * follows. An addition looks here under the member's advisory lock (the one that serialises the member's
 * placements and subscriptions), so two companies adding one member on two instances take turns.
 */
@Component
@ProcessingGroup(CompanyDirectory.GROUP)
class CompanyDirectory implements Lookup, CompanySeats, TeamAdministrators {

    static final String GROUP = "company-directory";

    private final JdbcTemplate jdbc;

    CompanyDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("company_seat", "company_administrator");
    }

    @Override
    public Optional<CompanyId> lockAndFind(MemberId member) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", member.value());
        return jdbc
                .queryForList("SELECT company_id FROM company_seat WHERE member_id = ?", String.class, member.value())
                .stream()
                .findFirst()
                .map(CompanyId::new);
    }

    @Override
    public boolean administersTeamOf(MemberId administrator, MemberId member) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM company_seat s JOIN company_administrator a USING (company_id)
                               WHERE s.member_id = ? AND a.member_id = ?)""", Boolean.class, member.value(), administrator.value()));
    }

    @EventHandler
    void on(CompanyMemberAdded event) {
        jdbc.update(
                "INSERT INTO company_seat (member_id, company_id) VALUES (?, ?)",
                event.memberId().value(),
                event.companyId().value());
    }

    @EventHandler
    void on(CompanyMemberRemoved event) {
        jdbc.update(
                "DELETE FROM company_seat WHERE member_id = ? AND company_id = ?",
                event.memberId().value(),
                event.companyId().value());
    }

    @EventHandler
    void on(CompanyAdministratorAppointed event) {
        jdbc.update(
                "INSERT INTO company_administrator (company_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.companyId().value(),
                event.memberId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE company_seat, company_administrator");
    }
}
