package com.coworkly.queryside.invoices;

import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.invoicing.Buyer;
import com.coworkly.events.invoicing.InvoiceKind;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the invoices read model. Lists come by issue date, then number, so pages never shuffle. */
@Component
class InvoicesQueries {

    private static final String ORDER = " ORDER BY issued_on, number";
    private static final TypeReference<List<InvoicesViews.Line>> LINES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    InvoicesQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<InvoicesViews.InvoiceView> invoice(String invoiceId) {
        return jdbc
                .query("SELECT * FROM invoice_view WHERE invoice_id = ?", (rs, row) -> invoice(rs), invoiceId)
                .stream()
                .findFirst();
    }

    boolean isManagerOf(String spaceId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM invoice_space_manager WHERE space_id = ? AND member_id = ?)",
                Boolean.class,
                spaceId,
                memberId));
    }

    boolean managesAnySpace(String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM invoice_space_manager WHERE member_id = ?)", Boolean.class, memberId));
    }

    /** Served by the index on (issued_on, number), or on (space_id, issued_on, number) for one or a manager's spaces. */
    Paged<InvoicesViews.InvoiceView> invoices(InvoiceListFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        filter.spaceId().ifPresent(spaceId -> {
            where.append(" AND space_id = ?");
            arguments.add(spaceId);
        });
        filter.from().ifPresent(from -> {
            where.append(" AND issued_on >= ?");
            arguments.add(from);
        });
        filter.to().ifPresent(to -> {
            where.append(" AND issued_on <= ?");
            arguments.add(to);
        });
        filter.managedBy().ifPresent(managerId -> {
            where.append(" AND space_id IN (SELECT space_id FROM invoice_space_manager WHERE member_id = ?)");
            arguments.add(managerId);
        });
        return page(where.toString(), arguments, page);
    }

    /** Served by the index on (company_id, issued_on, number). */
    Paged<InvoicesViews.InvoiceView> ofCompany(String companyId, PageRequest page) {
        return page(" WHERE company_id = ?", List.of(companyId), page);
    }

    boolean administersCompany(String companyId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM invoice_company_administrator WHERE company_id = ? AND member_id = ?)",
                Boolean.class,
                companyId,
                memberId));
    }

    /** Served by the index on (member_id, issued_on, number). */
    Paged<InvoicesViews.InvoiceView> ofMember(String memberId, PageRequest page) {
        return page(" WHERE member_id = ?", List.of(memberId), page);
    }

    InvoicesViews.PrintableInvoice printable(InvoicesViews.InvoiceView invoice) {
        Optional<InvoicesViews.IssuingSpace> space = jdbc
                .query(
                        "SELECT * FROM invoice_space WHERE space_id = ?",
                        (rs, row) -> new InvoicesViews.IssuingSpace(
                                rs.getString("name"),
                                rs.getString("street"),
                                rs.getString("postal_code"),
                                rs.getString("city"),
                                rs.getString("country_code")),
                        invoice.spaceId())
                .stream()
                .findFirst();
        Optional<String> creditedNumber = Optional.ofNullable(invoice.credits())
                .flatMap(
                        credited -> jdbc
                                .queryForList(
                                        "SELECT number FROM invoice_view WHERE invoice_id = ?", String.class, credited)
                                .stream()
                                .findFirst());
        return new InvoicesViews.PrintableInvoice(invoice, space, creditedNumber);
    }

    private Paged<InvoicesViews.InvoiceView> page(String where, List<Object> arguments, PageRequest page) {
        long total = jdbc.queryForObject("SELECT count(*) FROM invoice_view" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(page.size());
        paged.add(page.offset());
        List<InvoicesViews.InvoiceView> items = jdbc.query(
                "SELECT * FROM invoice_view" + where + ORDER + " LIMIT ? OFFSET ?",
                (rs, row) -> invoice(rs),
                paged.toArray());
        return Paged.of(items, page, total);
    }

    private InvoicesViews.InvoiceView invoice(ResultSet rs) throws SQLException {
        return new InvoicesViews.InvoiceView(
                rs.getString("invoice_id"),
                rs.getString("booking_id"),
                InvoiceKind.valueOf(rs.getString("kind")),
                rs.getString("number"),
                rs.getString("space_id"),
                rs.getString("member_id"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getString("currency"),
                rs.getBigDecimal("vat_rate_percent"),
                lines(rs.getString("lines")),
                rs.getLong("net"),
                rs.getLong("vat"),
                rs.getLong("gross"),
                rs.getString("credits"),
                stored(rs.getString("seller"), LegalEntity.class),
                stored(rs.getString("buyer"), Buyer.class),
                rs.getObject("paid_on", LocalDate.class),
                rs.getString("company_id"));
    }

    private <T> T stored(String value, Class<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    private List<InvoicesViews.Line> lines(String stored) {
        try {
            return json.readValue(stored, LINES);
        } catch (IOException e) {
            throw new UncheckedIOException("stored invoice lines are unreadable", e);
        }
    }
}
