package com.coworkly.queryside.config;

import com.coworkly.queryside.support.ReadModelDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

/**
 * The savepoint that lets a read model's failed event be parked: inside the processor's transaction (here an outer
 * {@link TransactionTemplate}), a handler that fails on SQL loses its own writes and nothing else, and the
 * transaction still takes the dead letter's insert afterwards.
 */
class SavepointPerEventHandlerTest {

    private static ReadModelDatabase database;
    private static JdbcTemplate jdbc;
    private static DataSourceTransactionManager transactions;

    /** Writes twice per event; the second write fails on the poisoned name. */
    static final class Probe {
        @EventHandler
        void on(String name) {
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES (?)", name + " first");
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES (?)", name);
        }
    }

    @BeforeAll
    static void createDatabase() {
        database = ReadModelDatabase.fresh();
        jdbc = database.jdbc();
        transactions = new DataSourceTransactionManager(jdbc.getDataSource());
        jdbc.execute("CREATE TABLE savepoint_probe (name text PRIMARY KEY CHECK (name <> 'poison'))");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM savepoint_probe");
    }

    @Test
    void aFailedHandlersWritesAreUndoneAndTheTransactionGoesOn() {
        AnnotationEventHandlerAdapter handler = adapter(withSavepoints());

        inOneTransaction(() -> {
            assertThatThrownBy(() -> handler.handle(asEventMessage("poison")))
                    .isInstanceOf(DataIntegrityViolationException.class);
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES ('parked')");
        });

        assertThat(names()).containsExactly("parked");
    }

    @Test
    void aHandlerThatSucceedsKeepsItsWrites() {
        AnnotationEventHandlerAdapter handler = adapter(withSavepoints());

        inOneTransaction(() -> handler.handle(asEventMessage("healthy")));

        assertThat(names()).containsExactly("healthy", "healthy first");
    }

    @Test
    void withoutASavepointPostgresRefusesEveryStatementAfterTheFailure() {
        AnnotationEventHandlerAdapter handler = adapter(ClasspathHandlerDefinition.forClass(Probe.class));

        assertThatThrownBy(() -> inOneTransaction(() -> {
            assertThatThrownBy(() -> handler.handle(asEventMessage("poison")))
                    .isInstanceOf(DataIntegrityViolationException.class);
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES ('parked')");
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("current transaction is aborted");

        assertThat(names()).isEmpty();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void inOneTransaction(Work work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static HandlerDefinition withSavepoints() {
        return MultiHandlerDefinition.ordered(new SavepointPerEventHandler(transactions),
                ClasspathHandlerDefinition.forClass(Probe.class));
    }

    private static AnnotationEventHandlerAdapter adapter(HandlerDefinition definition) {
        return new AnnotationEventHandlerAdapter(new Probe(), ClasspathParameterResolverFactory.forClass(Probe.class),
                definition);
    }

    private static List<String> names() {
        return jdbc.queryForList("SELECT name FROM savepoint_probe ORDER BY name", String.class);
    }
}
