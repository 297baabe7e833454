package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.Optional;

/**
 * The command side's own lookup of spaces, written by a subscribing processor inside the transaction that
 * stores the space's events (so it is exactly as current as the events), and rebuildable from them.
 */
@Component
@ProcessingGroup(SpaceDirectoryProjection.GROUP)
class SpaceDirectoryProjection implements SpaceDirectory {

    static final String GROUP = "space-directory";

    private final JdbcTemplate jdbc;

    SpaceDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SpaceRegistered event) {
        jdbc.update("INSERT INTO space_directory (space_id, currency) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(), event.currency().getCurrencyCode());
    }

    @EventHandler
    void on(ManagerGranted event) {
        jdbc.update("INSERT INTO space_manager (space_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(), event.memberId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE space_manager, space_directory");
    }

    @Override
    public Optional<Currency> currencyOf(SpaceId space) {
        return jdbc.queryForList("SELECT currency FROM space_directory WHERE space_id = ?", String.class, space.value())
                .stream().findFirst().map(Currency::getInstance);
    }

    @Override
    public boolean isManagedBy(SpaceId space, MemberId member) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM space_manager WHERE space_id = ? AND member_id = ?)",
                Boolean.class, space.value(), member.value()));
    }

    @Override
    public boolean managesAnySpace(MemberId member) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM space_manager WHERE member_id = ?)", Boolean.class, member.value()));
    }
}
