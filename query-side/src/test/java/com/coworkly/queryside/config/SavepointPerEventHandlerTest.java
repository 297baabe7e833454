package com.coworkly.queryside.config;

import com.coworkly.queryside.support.ReadModelDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
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
 * The savepoint that lets a read model's failed event be parked, taken only while the projection fails. Inside the
 * processor's transaction (here an outer {@link TransactionTemplate}), a handler's first failure leaves that
 * transaction as PostgreSQL leaves it, aborted, which shows no savepoint was taken, and asks for a retry; in the
 * retry a failure loses the handler's own writes and nothing else, and the transaction still takes the dead letter's
 * insert afterwards.
 */
class SavepointPerEventHandlerTest {

    private static ReadModelDatabase database;
    private static JdbcTemplate jdbc;
    private static DataSourceTransactionManager transactions;

    private SavepointPerEventHandler enhancer;
    /** The enhancer's clock (nanoseconds), moved by hand. */
    private long now = 42;

    /** Writes twice per event; the second write fails on the poisoned name. */
    static final class Probe {
        @EventHandler
        void on(String name) {
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES (?)", name + " first");
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES (?)", name);
        }
    }

    /** Another projection of the same events, failing on the same name. */
    static final class OtherProbe {
        @EventHandler
        void on(String name) {
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES (?)", "other " + name);
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
        enhancer = new SavepointPerEventHandler(transactions, () -> now);
    }

    @Test
    void aHandlerThatSucceedsKeepsItsWrites() {
        AnnotationEventHandlerAdapter handler = adapter(new Probe(), withSavepoints());

        inOneTransaction(() -> handler.handle(asEventMessage("healthy")));

        assertThat(names()).containsExactly("healthy", "healthy first");
    }

    @Test
    void aHandlersFirstFailureRunsWithoutASavepointAndAsksForARetryUnderOne() {
        AnnotationEventHandlerAdapter handler = adapter(new Probe(), withSavepoints());

        assertThat(failsFast(handler, asEventMessage("poison"))).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(names()).isEmpty();
    }

    /** The retried batch: the event that failed, another that fails too, and a healthy one. */
    @Test
    void afterAFailureTheProjectionRunsUnderSavepointsSoThatItsRetryParksEveryFailingEvent() {
        AnnotationEventHandlerAdapter handler = adapter(new Probe(), withSavepoints());
        EventMessage<String> poison = asEventMessage("poison");
        failsFast(handler, poison);

        inOneTransaction(() -> {
            assertThatThrownBy(() -> handler.handle(poison)).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> handler.handle(asEventMessage("poison")))
                    .isInstanceOf(DataIntegrityViolationException.class);
            handler.handle(asEventMessage("healthy"));
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES ('parked')");
        });

        assertThat(names()).containsExactly("healthy", "healthy first", "parked");
    }

    @Test
    void aProjectionGoesBackToTheFastPathAMinuteAfterItsLastFailure() {
        AnnotationEventHandlerAdapter handler = adapter(new Probe(), withSavepoints());
        failsFast(handler, asEventMessage("poison"));

        now += SavepointPerEventHandler.CAREFUL_FOR.plusSeconds(1).toNanos();

        failsFast(handler, asEventMessage("poison"));
    }

    /** A projection that fails on every event stays careful, and keeps parking them, for as long as it fails. */
    @Test
    void eachFailureWhileCarefulKeepsTheProjectionCareful() {
        AnnotationEventHandlerAdapter handler = adapter(new Probe(), withSavepoints());
        failsFast(handler, asEventMessage("poison"));
        long halfTheTime = SavepointPerEventHandler.CAREFUL_FOR.toNanos() / 2 + 1;

        now += halfTheTime;
        inOneTransaction(() -> assertThatThrownBy(() -> handler.handle(asEventMessage("poison")))
                .isInstanceOf(DataIntegrityViolationException.class));
        now += halfTheTime;

        inOneTransaction(() -> {
            assertThatThrownBy(() -> handler.handle(asEventMessage("poison")))
                    .isInstanceOf(DataIntegrityViolationException.class);
            jdbc.update("INSERT INTO savepoint_probe (name) VALUES ('parked')");
        });
        assertThat(names()).containsExactly("parked");
    }

    @Test
    void oneProjectionsFailureLeavesAnotherOnTheFastPath() {
        AnnotationEventHandlerAdapter handler = adapter(new Probe(), withSavepoints());
        AnnotationEventHandlerAdapter other = adapter(new OtherProbe(), withSavepoints());
        EventMessage<String> poison = asEventMessage("poison");
        failsFast(handler, poison);

        failsFast(other, poison);
    }

    @Test
    void anOperatorsRetryRunsEveryHandlerUnderASavepointFromTheFirstFailure() {
        AnnotationEventHandlerAdapter handler = adapter(new Probe(), withSavepoints());

        SavepointForEveryHandler.during(() -> {
            inOneTransaction(() -> {
                assertThatThrownBy(() -> handler.handle(asEventMessage("poison")))
                        .isInstanceOf(DataIntegrityViolationException.class);
                jdbc.update("INSERT INTO savepoint_probe (name) VALUES ('requeued')");
            });
            return null;
        });

        assertThat(names()).containsExactly("requeued");
    }

    @Test
    void withoutASavepointPostgresRefusesEveryStatementAfterTheFailure() {
        AnnotationEventHandlerAdapter handler = adapter(new Probe(), ClasspathHandlerDefinition.forClass(Probe.class));

        assertThatThrownBy(() -> inOneTransaction(() -> {
                    assertThatThrownBy(() -> handler.handle(asEventMessage("poison")))
                            .isInstanceOf(DataIntegrityViolationException.class);
                    jdbc.update("INSERT INTO savepoint_probe (name) VALUES ('parked')");
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("current transaction is aborted");

        assertThat(names()).isEmpty();
    }

    /**
     * A rebuild's shadow processor (ShadowProcessors) builds its invoker so: Axon then finds handler enhancers on the
     * classpath (META-INF/services), not among Spring's beans, and this one is only a bean. Neither savepoint nor
     * retry: the handler's own failure, in an aborted transaction (decision 26).
     */
    @Test
    void aRebuildsOwnHandlerInvokerTakesNoSavepoint() {
        SimpleEventHandlerInvoker rebuild = SimpleEventHandlerInvoker.builder()
                .eventHandlers(new Probe())
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();

        assertThatThrownBy(() -> inOneTransaction(() -> {
                    assertThatThrownBy(() -> rebuild.handle(asEventMessage("poison"), Segment.ROOT_SEGMENT))
                            .isInstanceOf(DataIntegrityViolationException.class);
                    jdbc.update("INSERT INTO savepoint_probe (name) VALUES ('parked')");
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("current transaction is aborted");
    }

    /**
     * The handler's first failure on the event, as a live processor's batch sees it: a retry is asked for with the
     * handler's failure as its cause, and the transaction is aborted, so no savepoint was taken. The batch rolls back.
     */
    private static Throwable failsFast(AnnotationEventHandlerAdapter handler, EventMessage<String> event) {
        Throwable[] handlerFailure = new Throwable[1];
        assertThatThrownBy(() -> inOneTransaction(() -> {
                    assertThatThrownBy(() -> handler.handle(event))
                            .isInstanceOf(RetryUnderSavepoint.class)
                            .satisfies(retry -> handlerFailure[0] = retry.getCause());
                    jdbc.update("INSERT INTO savepoint_probe (name) VALUES ('parked')");
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("current transaction is aborted");
        return handlerFailure[0];
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

    private HandlerDefinition withSavepoints() {
        return MultiHandlerDefinition.ordered(enhancer, ClasspathHandlerDefinition.forClass(getClass()));
    }

    private static AnnotationEventHandlerAdapter adapter(Object projection, HandlerDefinition definition) {
        return new AnnotationEventHandlerAdapter(
                projection, ClasspathParameterResolverFactory.forClass(projection.getClass()), definition);
    }

    private static List<String> names() {
        return jdbc.queryForList("SELECT name FROM savepoint_probe ORDER BY name", String.class);
    }
}
