package com.coworkly.queryside.operations;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.coworkly.queryside.operations.ShadowTables.shadowProcessorName;

/**
 * Rebuilds read models without downtime: a rebuild processor fills shadow copies of a read model's tables from
 * the first event while the live processor and the queries carry on; once it has (nearly) caught up with the
 * event store, the copies replace the live tables in one transaction and the live processor continues from the
 * rebuild's position. See docs/operations.md ("Read models") and decision 23.
 */
@Component
class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final int SWITCH_ATTEMPTS = 3;

    private final Map<String, RebuildableReadModel> models;
    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;
    private final ShadowTables shadows;
    private final ShadowProcessors processors;
    private final RebuildLeases leases;
    private final Clock clock;
    private final long switchLag;
    private final Map<String, ProjectionRebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilds(
            List<RebuildableReadModel> models,
            EventProcessingConfiguration processing,
            ProjectionPositions positions,
            ShadowTables shadows,
            ShadowProcessors processors,
            RebuildLeases leases,
            Clock clock,
            @Value("${booking.projections.rebuild.switch-lag:100}") long switchLag,
            @Value("${booking.projections.rebuild.watch-interval:PT0.5S}") Duration watchInterval) {
        this.models =
                models.stream().collect(Collectors.toMap(RebuildableReadModel::processingGroup, Function.identity()));
        this.processing = processing;
        this.positions = positions;
        this.shadows = shadows;
        this.processors = processors;
        this.leases = leases;
        this.clock = clock;
        this.switchLag = switchLag;
        watcher.scheduleWithFixedDelay(
                this::watchAll, watchInterval.toMillis(), watchInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<ProjectionsView.Projection> overview() {
        long head = positions.head();
        return processing.eventProcessors().keySet().stream()
                .sorted()
                .map(name -> view(name, head))
                .toList();
    }

    synchronized ProjectionsView.Projection replay(String name) {
        RebuildableReadModel model = models.get(name);
        if (model == null) {
            if (processing.eventProcessors().containsKey(name)) {
                throw new ProjectionRefusals.NotReplayable(name);
            }
            throw new ProjectionRefusals.UnknownProjection(name);
        }
        if (isReplaying(name)) {
            throw new ProjectionRefusals.ReplayAlreadyRunning(name);
        }
        // The lease settles a race between instances; the check above answers most requests without a connection.
        RebuildLeases.Lease lease =
                leases.tryTake(name).orElseThrow(() -> new ProjectionRefusals.ReplayAlreadyRunning(name));
        ProjectionRebuild rebuild = new ProjectionRebuild(model, lease, clock.instant());
        rebuilds.put(name, rebuild);
        try {
            shadows.create(model);
            int segments = Math.max(1, positions.of(name).count());
            rebuild.running(processors.start(model, segments));
        } catch (RuntimeException e) {
            rebuild.failed(clock.instant(), "The rebuild could not start; see the query side's log.");
            throw e;
        }
        log.info("Rebuilding read model {} from the first event", name);
        return view(name, positions.head());
    }

    private boolean isReplaying(String name) {
        ProjectionRebuild here = rebuilds.get(name);
        // Another instance's rebuild shows as claimed rebuild tokens.
        return (here != null && here.isRunning())
                || positions.of(shadowProcessorName(name)).claimed();
    }

    private ProjectionsView.Projection view(String name, long head) {
        ProjectionPositions.Segments live = positions.of(name);
        Long position =
                live.lowestPosition().isPresent() ? live.lowestPosition().getAsLong() : null;
        Long lag = position == null ? null : Math.max(0, head - position);
        ProjectionRebuild rebuild = rebuilds.get(name);
        return new ProjectionsView.Projection(
                name,
                models.containsKey(name),
                live.count(),
                position,
                head,
                lag,
                isReplaying(name),
                rebuild == null ? null : rebuild.view(head));
    }

    private void watchAll() {
        rebuilds.values().stream()
                .filter(rebuild -> rebuild.isRunning() && rebuild.processor().isPresent())
                .forEach(this::watch);
    }

    private void watch(ProjectionRebuild rebuild) {
        try {
            ShadowProcessor processor = rebuild.processor().orElseThrow();
            if (processor.failure().isPresent()) {
                log.error(
                        "Rebuild of {} failed: a handler, or a batch's writes, failed",
                        rebuild.model().processingGroup(),
                        processor.failure().get());
                abandon(
                        rebuild,
                        "A handler, or a batch's writes, failed; see the query side's log. The live read "
                                + "model is unchanged.");
                return;
            }
            ProjectionPositions.Segments shadow =
                    positions.of(shadowProcessorName(rebuild.model().processingGroup()));
            long head = positions.head();
            long position = shadow.lowestPosition().orElse(0);
            rebuild.reached(clock.instant(), position);
            if (shadow.count() > 0 && head - position <= switchLag) {
                switchOver(rebuild);
            }
        } catch (RuntimeException e) {
            log.error("Rebuild of {} failed", rebuild.model().processingGroup(), e);
            abandon(rebuild, "The rebuild failed; see the query side's log. The live read model is unchanged.");
        }
    }

    /**
     * The live processor of this instance stops for the switch, so that it neither writes into tables being
     * dropped nor holds the group's tokens; it starts again on the new tables, from the rebuild's tokens.
     */
    private void switchOver(ProjectionRebuild rebuild) {
        rebuild.switching();
        RebuildableReadModel model = rebuild.model();
        rebuild.processor().orElseThrow().stop();
        // Before the live processor stops: queries and live events go on while the indexes are built.
        shadows.completeIndexes(model);
        shadows.analyze(model);
        Optional<EventProcessor> live = processing.eventProcessor(model.processingGroup());
        live.ifPresent(EventProcessor::shutDown);
        try {
            switchOverWithRetries(model);
            positions
                    .of(model.processingGroup())
                    .lowestPosition()
                    .ifPresent(position -> rebuild.reached(clock.instant(), position));
            rebuild.completed(clock.instant());
            log.info("Read model {} rebuilt and switched over", model.processingGroup());
        } finally {
            live.ifPresent(EventProcessor::start);
        }
    }

    /** A query holding a live table past the lock timeout, or a deadlock with another instance, is worth a retry. */
    private void switchOverWithRetries(RebuildableReadModel model) {
        for (int attempt = 1; ; attempt++) {
            try {
                shadows.switchOver(model);
                return;
            } catch (org.springframework.dao.DataAccessException e) {
                if (attempt == SWITCH_ATTEMPTS) {
                    throw e;
                }
                log.warn("Switch-over of {} failed (attempt {}), trying again", model.processingGroup(), attempt, e);
            }
        }
    }

    private void abandon(ProjectionRebuild rebuild, String reason) {
        rebuild.failed(clock.instant(), reason);
        try {
            rebuild.processor().ifPresent(ShadowProcessor::stop);
            shadows.discard(rebuild.model());
        } catch (RuntimeException e) {
            log.error("Could not clean up the rebuild of {}", rebuild.model().processingGroup(), e);
        }
    }

    /** A rebuild cut short by a shutdown leaves its copies; the next replay starts them afresh. */
    @PreDestroy
    void stop() {
        watcher.shutdownNow();
        rebuilds.values().stream().filter(ProjectionRebuild::isRunning).forEach(rebuild -> {
            rebuild.processor().ifPresent(ShadowProcessor::stop);
            rebuild.abandoned();
        });
    }
}
