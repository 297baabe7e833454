package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.Lookup;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.BookingQuotasChanged;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.catalogue.LegalEntityAssigned;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The command side's own lookup of spaces, written by a subscribing processor inside the transaction that
 * stores the space's events (so it is exactly as current as the events), and rebuildable from them.
 */
@Component
@ProcessingGroup(SpaceDirectoryProjection.GROUP)
class SpaceDirectoryProjection implements SpaceDirectory, Lookup {

    static final String GROUP = "space-directory";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SpaceDirectoryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<String> tables() {
        return List.of("space_directory", "space_manager");
    }

    /**
     * A registration stored before prefixes were recorded takes its name's prefix, made unique in the order the
     * spaces were registered: the order in which they are replayed, and in which migration V12 renamed the
     * prefixes they had then (decision 37). Every later registration records its prefix. A prefix taken meanwhile
     * by a racing registration fails the unique index and the command is decided again.
     */
    @EventHandler
    void on(SpaceRegistered event) {
        jdbc.update(
                """
                INSERT INTO space_directory (space_id, currency, time_zone, late_window_minutes, late_fee_percent,
                                             vat_rate_percent, invoice_prefix, reminder_lead_minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (space_id) DO NOTHING""",
                event.spaceId().value(),
                event.currency().getCurrencyCode(),
                event.timeZone().getId(),
                event.cancellationPolicy().lateWindow().toMinutes(),
                event.cancellationPolicy().lateFeePercent(),
                event.vatRatePercent(),
                event.invoicePrefix() != null
                        ? event.invoicePrefix()
                        : InvoicePrefix.firstFree(InvoicePrefix.fromName(event.name()), this::isInvoicePrefixTaken),
                event.reminderLead().toMinutes());
    }

    @EventHandler
    void on(LegalEntityAssigned event) {
        jdbc.update(
                "UPDATE space_directory SET legal_entity = ?::jsonb WHERE space_id = ?",
                asJson(event.legalEntity()),
                event.spaceId().value());
    }

    @EventHandler
    void on(BookingQuotasChanged event) {
        jdbc.update(
                """
                UPDATE space_directory SET quota_day_minutes = ?, quota_week_minutes = ?, quota_month_minutes = ?
                WHERE space_id = ?""",
                minutes(event.quotas().perDay()),
                minutes(event.quotas().perWeek()),
                minutes(event.quotas().perMonth()),
                event.spaceId().value());
    }

    private static Long minutes(Duration cap) {
        return cap == null ? null : cap.toMinutes();
    }

    @Override
    public BookingQuotas quotasOf(SpaceId space) {
        return jdbc
                .query(
                        """
                        SELECT quota_day_minutes, quota_week_minutes, quota_month_minutes FROM space_directory
                        WHERE space_id = ?""",
                        (rs, row) -> new BookingQuotas(
                                duration(rs.getObject("quota_day_minutes", Long.class)),
                                duration(rs.getObject("quota_week_minutes", Long.class)),
                                duration(rs.getObject("quota_month_minutes", Long.class))),
                        space.value())
                .stream()
                .findFirst()
                .orElse(BookingQuotas.NONE);
    }

    private static Duration duration(Long minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    @EventHandler
    void on(ManagerGranted event) {
        jdbc.update(
                "INSERT INTO space_manager (space_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(),
                event.memberId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE space_manager, space_directory");
    }

    @Override
    public Optional<SpaceTerms> termsOf(SpaceId space) {
        return jdbc
                .query(
                        """
                SELECT currency, time_zone, late_window_minutes, late_fee_percent, reminder_lead_minutes
                FROM space_directory
                WHERE space_id = ?""",
                        (rs, row) -> new SpaceTerms(
                                Currency.getInstance(rs.getString("currency")),
                                ZoneId.of(rs.getString("time_zone")),
                                new CancellationPolicy(
                                        Duration.ofMinutes(rs.getLong("late_window_minutes")),
                                        rs.getInt("late_fee_percent")),
                                Duration.ofMinutes(rs.getLong("reminder_lead_minutes"))),
                        space.value())
                .stream()
                .findFirst();
    }

    @Override
    public InvoicingTerms invoicingTermsOf(SpaceId space) {
        return jdbc.queryForObject(
                "SELECT vat_rate_percent, invoice_prefix, legal_entity FROM space_directory WHERE space_id = ?",
                (rs, row) -> new InvoicingTerms(
                        rs.getBigDecimal("vat_rate_percent"),
                        rs.getString("invoice_prefix"),
                        legalEntity(rs.getString("legal_entity"))),
                space.value());
    }

    @Override
    public boolean isInvoicePrefixTaken(String prefix) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM space_directory WHERE invoice_prefix = ?)", Boolean.class, prefix));
    }

    private String asJson(LegalEntity entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a legal entity is always serializable", e);
        }
    }

    private LegalEntity legalEntity(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, LegalEntity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored legal entity is unreadable", e);
        }
    }

    @Override
    public boolean isManagedBy(SpaceId space, MemberId member) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM space_manager WHERE space_id = ? AND member_id = ?)",
                Boolean.class,
                space.value(),
                member.value()));
    }

    @Override
    public boolean managesAnySpace(MemberId member) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM space_manager WHERE member_id = ?)", Boolean.class, member.value()));
    }
}
