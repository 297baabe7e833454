package com.coworkly.queryside.operations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.coworkly.queryside.operations.RebuildStorage.SHADOW_SCHEMA;

/**
 * The shadow copies a rebuild writes into, and the switch that makes them the live tables. The switch is one
 * transaction: the live tables are dropped, the copies moved into {@code query_side} under the live indexes'
 * names, and the rebuild's tokens become the group's. Queries read the old tables until it commits and the new
 * ones after; a processor of the group on another instance that wrote into the old tables loses its token claim
 * with them, so its batch rolls back and it carries on from the rebuild's position (docs/operations.md).
 */
@Component
class ShadowTables {

    /** The definition of an index without its name and table, so that an index and its copy compare equal. */
    private static final String INDEX_SHAPES = """
            SELECT i.relname AS name,
                   regexp_replace(pg_get_indexdef(i.oid), '^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ', '\\1') AS shape
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ? AND t.relname = ?""";

    /** Indexes that neither back a constraint nor are unique: no write needs them, only queries. */
    private static final String QUERY_ONLY_INDEXES = """
            SELECT i.relname
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ? AND t.relname = ? AND NOT x.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ShadowTables(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    static String shadowProcessorName(String processingGroup) {
        return processingGroup + ".rebuild";
    }

    /**
     * Empty copies of the live tables, with their columns, defaults, constraints and the indexes of their
     * constraints. The other indexes serve only queries: they are built once the copies are full
     * ({@link #completeIndexes}), which is quicker than keeping them up to date row by row.
     */
    void create(RebuildableReadModel model) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + SHADOW_SCHEMA);
            for (String table : model.tables()) {
                jdbc.execute("DROP TABLE IF EXISTS " + SHADOW_SCHEMA + "." + table);
                jdbc.execute("CREATE TABLE " + SHADOW_SCHEMA + "." + table + " (LIKE query_side." + table
                        + " INCLUDING ALL)");
                jdbc.queryForList(QUERY_ONLY_INDEXES, String.class, SHADOW_SCHEMA, table)
                        .forEach(index -> jdbc.execute("DROP INDEX " + SHADOW_SCHEMA + "." + index));
            }
            jdbc.update(
                    "DELETE FROM token_entry WHERE processor_name = ?", shadowProcessorName(model.processingGroup()));
        });
    }

    /** Builds on the full copies each index of the live tables that they lack, under the live index's name. */
    void completeIndexes(RebuildableReadModel model) {
        for (String table : model.tables()) {
            Map<String, String> copies = indexNamesByShape(SHADOW_SCHEMA, table);
            indexNamesByShape("query_side", table).forEach((shape, liveName) -> {
                if (!copies.containsKey(shape)) {
                    jdbc.execute("CREATE " + (shape.startsWith("UNIQUE ") ? "UNIQUE INDEX " : "INDEX ") + liveName
                            + " ON " + SHADOW_SCHEMA + "." + table + " " + shape.replaceFirst("^UNIQUE ", ""));
                }
            });
        }
    }

    /** Fresh statistics before the copies take the queries, rather than whenever autovacuum gets to them. */
    void analyze(RebuildableReadModel model) {
        model.tables().forEach(table -> jdbc.execute("ANALYZE " + SHADOW_SCHEMA + "." + table));
    }

    void switchOver(RebuildableReadModel model) {
        transaction.executeWithoutResult(status -> {
            // A long query on a live table must not hold the switch, and every query behind it, for long.
            jdbc.execute("SET LOCAL lock_timeout = '5s'");
            for (String table : model.tables()) {
                Map<String, String> liveNames = indexNamesByShape("query_side", table);
                jdbc.execute("DROP TABLE query_side." + table);
                jdbc.execute("ALTER TABLE " + SHADOW_SCHEMA + "." + table + " SET SCHEMA query_side");
                indexNamesByShape("query_side", table).forEach((shape, copyName) -> {
                    String liveName = liveNames.get(shape);
                    if (liveName != null && !liveName.equals(copyName)) {
                        // Renaming a constraint's index renames the constraint: later migrations find both.
                        jdbc.execute("ALTER INDEX query_side." + copyName + " RENAME TO " + liveName);
                    }
                });
            }
            String shadow = shadowProcessorName(model.processingGroup());
            // The rebuild handled every event, those parked too (it fails on any it cannot handle); parked ones
            // left behind would hold back their sequences' new events until retried.
            jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", model.processingGroup());
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", model.processingGroup());
            jdbc.update(
                    "UPDATE token_entry SET processor_name = ?, owner = NULL WHERE processor_name = ?",
                    model.processingGroup(),
                    shadow);
        });
    }

    /** After a failed or abandoned rebuild: the live tables were never touched. */
    void discard(RebuildableReadModel model) {
        transaction.executeWithoutResult(status -> {
            model.tables().forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + SHADOW_SCHEMA + "." + table));
            jdbc.update(
                    "DELETE FROM token_entry WHERE processor_name = ?", shadowProcessorName(model.processingGroup()));
        });
    }

    private Map<String, String> indexNamesByShape(String schema, String table) {
        List<Map<String, Object>> rows = jdbc.queryForList(INDEX_SHAPES, schema, table);
        return rows.stream()
                .collect(Collectors.toMap(
                        row -> (String) row.get("shape"), row -> (String) row.get("name"), (first, second) -> first));
    }
}
