package com.coworkly.queryside.operations;

import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rebuild's template: writes queued in a transaction reach the tables in order before it commits, reads see
 * them, and a write that fails at the commit undoes the whole batch and is reported.
 */
class WriteBehindJdbcTemplateTest {

    private static ReadModelDatabase database;
    private static TransactionTemplate transaction;
    private static final List<RuntimeException> reported = new ArrayList<>();
    private static JdbcTemplate writeBehind;
    private static JdbcTemplate plain;

    @BeforeAll
    static void createDatabase() {
        database = ReadModelDatabase.fresh();
        plain = database.jdbc();
        writeBehind = new WriteBehindJdbcTemplate(plain.getDataSource(), reported::add);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(plain.getDataSource()));
        plain.execute("CREATE TABLE write_behind_probe (name text PRIMARY KEY CHECK (name <> 'poison'), n bigint)");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void empty() {
        plain.update("DELETE FROM write_behind_probe");
        reported.clear();
    }

    @Test
    void queuedWritesReachTheTableInTheOrderTheyWereIssued() {
        transaction.executeWithoutResult(status -> {
            writeBehind.update("INSERT INTO write_behind_probe (name, n) VALUES (?, ?)", "a", 1);
            writeBehind.update("UPDATE write_behind_probe SET n = n * ? WHERE name = ?", 10, "a");
            writeBehind.update("UPDATE write_behind_probe SET n = n + ? WHERE name = ?", 1, "a");
            writeBehind.update("INSERT INTO write_behind_probe (name, n) VALUES (?, ?)", "b", null);
        });

        // In another order: 20, 11 or a missing row.
        assertThat(rows()).containsExactly(Map.of("name", "a", "n", 11L), nullN("b"));
    }

    @Test
    void aWriteIsQueuedUntilTheTransactionCommits() {
        transaction.executeWithoutResult(status -> {
            writeBehind.update("INSERT INTO write_behind_probe (name, n) VALUES (?, ?)", "a", 1);

            // The plain template takes part in the same transaction and connection, but not in the queue.
            assertThat(plain.queryForObject("SELECT count(*) FROM write_behind_probe", Long.class))
                    .isZero();
        });

        assertThat(rows()).containsExactly(Map.of("name", "a", "n", 1L));
    }

    @Test
    void aReadThroughTheTemplateSeesTheWritesQueuedBeforeIt() {
        Long seen = transaction.execute(status -> {
            writeBehind.update("INSERT INTO write_behind_probe (name, n) VALUES (?, ?)", "a", 1);
            writeBehind.update("UPDATE write_behind_probe SET n = n + 1 WHERE name = ?", "a");
            return writeBehind.queryForObject("SELECT n FROM write_behind_probe WHERE name = ?", Long.class, "a");
        });

        assertThat(seen).isEqualTo(2L);
    }

    @Test
    void aBatchLongerThanTheQueueIsSentInParts() {
        int statements = WriteBehindJdbcTemplate.MAX_QUEUED * 2 + 7;
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < statements; i++) {
                writeBehind.update("INSERT INTO write_behind_probe (name, n) VALUES (?, ?)", "row " + i, i);
            }
        });

        assertThat(plain.queryForObject("SELECT count(*) FROM write_behind_probe", Long.class))
                .isEqualTo(statements);
    }

    @Test
    void aWriteThatFailsAtTheCommitUndoesTheBatchAndIsReported() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    writeBehind.update("INSERT INTO write_behind_probe (name, n) VALUES (?, ?)", "a", 1);
                    writeBehind.update("INSERT INTO write_behind_probe (name, n) VALUES (?, ?)", "poison", 2);
                }))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(rows()).isEmpty();
        assertThat(reported).singleElement().isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void outsideATransactionAWriteRunsAtOnce() {
        assertThat(writeBehind.update("INSERT INTO write_behind_probe (name, n) VALUES (?, ?)", "a", 1))
                .isOne();

        assertThat(rows()).containsExactly(Map.of("name", "a", "n", 1L));
    }

    private static List<Map<String, Object>> rows() {
        return plain.queryForList("SELECT name, n FROM write_behind_probe ORDER BY name");
    }

    private static Map<String, Object> nullN(String name) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("name", name);
        row.put("n", null);
        return row;
    }
}
