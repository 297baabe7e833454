package com.coworkly.queryside.operations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The template a rebuild's handlers write through: inside a transaction, {@link #update(String, Object...)} only
 * queues the statement, and the queue goes to PostgreSQL as one multi-statement command — one round trip, the
 * statements in the order they were issued — before the transaction commits, before any other statement of this
 * template runs (a handler's read sees its own writes), and whenever it grows past {@value #MAX_QUEUED} statements.
 * <p>
 * A rebuild spends most of its time waiting for round trips: one per handler statement, while PostgreSQL itself
 * is mostly idle in the transaction (docs/benchmarks.md, "Replay"). Queued, a batch of 1,000 events costs a few
 * round trips instead of a thousand. The price: a queued update cannot say how many rows it changed, so it returns
 * 0, and an SQL error surfaces at the flush rather than in the handler that issued the statement. Read-model
 * handlers ignore the count, and a rebuild fails on any error anyway (decision 23), so neither matters here; the
 * live processors keep the plain template, whose errors must name the event to park (decision 22).
 */
final class WriteBehindJdbcTemplate extends JdbcTemplate {

    /** Below PostgreSQL's 65,535 parameters per command with room to spare, and small enough to parse quickly. */
    static final int MAX_QUEUED = 500;

    private static final int MAX_PARAMETERS = 30_000;

    private final Consumer<RuntimeException> onFailedFlush;

    /**
     * @param onFailedFlush told of a flush that failed, before the failure is thrown on: a flush at commit fails
     *                      outside every handler, where the processor's error handler does not see it
     */
    WriteBehindJdbcTemplate(DataSource dataSource, Consumer<RuntimeException> onFailedFlush) {
        super(dataSource);
        this.onFailedFlush = onFailedFlush;
    }

    /** Queued until the flush when a transaction is active; run at once otherwise. Returns 0 when queued. */
    @Override
    public int update(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return super.update(sql, args);
        }
        Queue queue = (Queue) TransactionSynchronizationManager.getResource(this);
        if (queue == null) {
            queue = new Queue();
            TransactionSynchronizationManager.bindResource(this, queue);
            TransactionSynchronizationManager.registerSynchronization(queue);
        }
        queue.add(sql, args);
        if (queue.statements.size() >= MAX_QUEUED || queue.parameters.size() >= MAX_PARAMETERS) {
            send(queue);
        }
        return 0;
    }

    /** Every statement this template prepares, reads included, runs after the writes queued before it. */
    @Override
    protected void applyStatementSettings(Statement statement) throws java.sql.SQLException {
        super.applyStatementSettings(statement);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) instanceof Queue queue) {
            send(queue);
        }
    }

    private void send(Queue queue) {
        if (queue.statements.isEmpty()) {
            return;
        }
        String sql = String.join(";\n", queue.statements);
        Object[] parameters = queue.parameters.toArray();
        // Emptied first: the flush's own statement passes through applyStatementSettings too.
        queue.statements.clear();
        queue.parameters.clear();
        try {
            super.update(sql, parameters);
        } catch (RuntimeException e) {
            onFailedFlush.accept(e);
            throw e;
        }
    }

    /** One transaction's queued statements; flushed before it commits, dropped when it ends. */
    private final class Queue implements TransactionSynchronization {

        private final List<String> statements = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        void add(String sql, Object[] args) {
            statements.add(sql);
            parameters.addAll(Arrays.asList(args));
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            send(this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(WriteBehindJdbcTemplate.this);
        }
    }
}
