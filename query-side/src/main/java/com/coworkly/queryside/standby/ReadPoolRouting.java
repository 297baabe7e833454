package com.coworkly.queryside.standby;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The query side's one DataSource when a read pool is configured: a connection asked for on a thread that
 * {@link StandbyReadsInterceptor} marked comes from the read pool, every other one from the primary. Marking
 * threads rather than handing read-side templates to the query classes keeps every class that reads or writes a
 * read model unchanged, and makes the primary the answer wherever nobody decided otherwise: the processors, the
 * email dispatcher, rebuilds, leases and the heartbeat run on threads no request marks.
 */
final class ReadPoolRouting extends AbstractRoutingDataSource {

    private enum Pool {
        PRIMARY,
        READS
    }

    private static final ThreadLocal<Boolean> READING_FROM_STANDBY = ThreadLocal.withInitial(() -> false);

    ReadPoolRouting(DataSource primary, DataSource reads) {
        setTargetDataSources(Map.of(Pool.PRIMARY, primary, Pool.READS, reads));
        setDefaultTargetDataSource(primary);
    }

    static void routeThisThreadToReads() {
        READING_FROM_STANDBY.set(true);
    }

    static void routeThisThreadToPrimary() {
        READING_FROM_STANDBY.remove();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return READING_FROM_STANDBY.get() ? Pool.READS : Pool.PRIMARY;
    }
}
