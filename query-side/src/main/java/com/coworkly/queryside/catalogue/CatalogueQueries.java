package com.coworkly.queryside.catalogue;

import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads of the catalogue read model, in a stable order (name, then id) so pages never shuffle. */
@Component
class CatalogueQueries {

    private static final TypeReference<List<CatalogueViews.Window>> WINDOWS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CatalogueQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Paged<CatalogueViews.SpaceView> spaces(PageRequest page) {
        List<CatalogueViews.SpaceView> items = jdbc.query(
                "SELECT * FROM space_view ORDER BY name, space_id LIMIT ? OFFSET ?",
                (rs, row) -> space(rs),
                page.size(),
                page.offset());
        return Paged.of(items, page, jdbc.queryForObject("SELECT count(*) FROM space_view", Long.class));
    }

    Optional<CatalogueViews.SpaceView> space(String spaceId) {
        return jdbc.query("SELECT * FROM space_view WHERE space_id = ?", (rs, row) -> space(rs), spaceId).stream()
                .findFirst();
    }

    Optional<CatalogueViews.ResourceView> resource(String resourceId) {
        return jdbc
                .query("SELECT * FROM resource_view WHERE resource_id = ?", (rs, row) -> resource(rs), resourceId)
                .stream()
                .findFirst();
    }

    boolean spaceExists(String spaceId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM space_view WHERE space_id = ?)", Boolean.class, spaceId));
    }

    Paged<CatalogueViews.ResourceView> resources(String spaceId, boolean includeRetired, PageRequest page) {
        String filter = " WHERE space_id = ?" + (includeRetired ? "" : " AND NOT retired");
        List<CatalogueViews.ResourceView> items = jdbc.query(
                "SELECT * FROM resource_view" + filter + " ORDER BY name, resource_id LIMIT ? OFFSET ?",
                (rs, row) -> resource(rs),
                spaceId,
                page.size(),
                page.offset());
        return Paged.of(
                items, page, jdbc.queryForObject("SELECT count(*) FROM resource_view" + filter, Long.class, spaceId));
    }

    private static CatalogueViews.SpaceView space(ResultSet rs) throws SQLException {
        return new CatalogueViews.SpaceView(
                rs.getString("space_id"),
                rs.getString("name"),
                rs.getString("time_zone"),
                rs.getString("currency"),
                rs.getBigDecimal("vat_rate_percent"),
                new CatalogueViews.CancellationPolicy(rs.getLong("late_window_minutes"), rs.getInt("late_fee_percent")),
                new CatalogueViews.Address(
                        rs.getString("street"),
                        rs.getString("postal_code"),
                        rs.getString("city"),
                        rs.getString("country_code")),
                new CatalogueViews.Quotas(
                        rs.getObject("quota_day_minutes", Long.class),
                        rs.getObject("quota_week_minutes", Long.class),
                        rs.getObject("quota_month_minutes", Long.class)));
    }

    private CatalogueViews.ResourceView resource(ResultSet rs) throws SQLException {
        return new CatalogueViews.ResourceView(
                rs.getString("resource_id"),
                rs.getString("space_id"),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getInt("capacity"),
                new CatalogueViews.Price(rs.getLong("hourly_price"), rs.getString("currency")),
                windows(rs.getString("opening_hours")),
                rs.getInt("slot_minutes"),
                rs.getInt("minimum_minutes"),
                rs.getInt("maximum_minutes"),
                rs.getInt("horizon_days"),
                rs.getBoolean("retired"),
                new CatalogueViews.Buffers(rs.getInt("buffer_before_minutes"), rs.getInt("buffer_after_minutes")),
                rs.getInt("seats"));
    }

    private List<CatalogueViews.Window> windows(String stored) {
        try {
            return json.readValue(stored, WINDOWS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored opening hours are unreadable", e);
        }
    }
}
