package com.coworkly.commandside.invoicing;

import com.coworkly.commandside.commands.Lookup;
import com.coworkly.events.invoicing.InvoiceIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The rule "gapless invoice numbers" (docs/domain.md): invoice numbers are gapless and increasing per series (a
 * prefix, which belongs to one space) and calendar year. The next number is taken in the transaction that issues
 * the invoice, by an upsert that locks the series' counter row until that transaction ends: concurrent invoices of
 * one series take turns, and a rolled-back invoice gives its number back. Counting per prefix rather than per space
 * is what makes a number unique: no two counters can hand out the same one (decision 37). The counters follow the
 * issued invoices too, so they can be rebuilt from the events.
 */
@Component
@ProcessingGroup("invoice-numbers")
class InvoiceNumbers implements Lookup, InvoiceNumberSequence {

    private final JdbcTemplate jdbc;

    InvoiceNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("invoice_counter");
    }

    @Override
    public String next(String prefix, int year) {
        Long number = jdbc.queryForObject("""
                INSERT INTO invoice_counter (prefix, year, last_number) VALUES (?, ?, 1)
                ON CONFLICT (prefix, year) DO UPDATE SET last_number = invoice_counter.last_number + 1
                RETURNING last_number""", Long.class, prefix, year);
        return format(prefix, year, number);
    }

    static String format(String prefix, int year, long number) {
        return "%s-%d-%06d".formatted(prefix, year, number);
    }

    /** Live, the counter is already there; rebuilt from the events, it ends at the highest number issued. */
    @EventHandler
    void on(InvoiceIssued event) {
        String[] parts = event.number().split("-");
        String prefix = String.join("-", java.util.Arrays.copyOf(parts, parts.length - 2));
        int year = Integer.parseInt(parts[parts.length - 2]);
        long number = Long.parseLong(parts[parts.length - 1]);
        jdbc.update("""
                INSERT INTO invoice_counter (prefix, year, last_number) VALUES (?, ?, ?)
                ON CONFLICT (prefix, year) DO UPDATE SET last_number = greatest(invoice_counter.last_number, ?)""", prefix, year, number, number);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE invoice_counter");
    }
}
