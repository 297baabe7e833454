package com.coworkly.queryside.standby;

import com.coworkly.queryside.QuerySideApplication;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

import java.sql.SQLException;

/**
 * Serves a query from the read pool through one connection, held from before the read-your-writes check until the
 * answer is written. The check ({@code ProcessorProgress}) and the query then ask the same server, so a standby
 * that said "passed" answers the query too, and a standby only moves forward.
 * <p>
 * The connection is bound the way a transaction binds one, so that every {@code JdbcTemplate} of the request uses
 * it, but no transaction is opened: each statement commits on its own and sees what the server has replayed by
 * then, which is what lets the wait see progress. A transaction held through the wait would also hold up the
 * standby: replaying a cleanup that conflicts with one of its statements waits for the whole transaction to end
 * (decision 35).
 * <p>
 * Ordered first, so that the connection is bound before the read-your-writes interceptor asks for progress.
 */
final class StandbyReadsInterceptor implements AsyncHandlerInterceptor, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StandbyReadsInterceptor.class);
    private static final String BOUND_CONNECTION = StandbyReadsInterceptor.class.getName() + ".connection";
    private static final String QUERY_SIDE = QuerySideApplication.class.getPackageName() + ".";

    private final ReadPoolRouting routing;

    /** @param routing the DataSource that every template of the query side reads through */
    StandbyReadsInterceptor(ReadPoolRouting routing) {
        this.routing = routing;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !servedByReadPool(request, handler)) {
            return true;
        }
        ReadPoolRouting.routeThisThreadToReads();
        try {
            ConnectionHolder connection = new ConnectionHolder(routing.getConnection());
            TransactionSynchronizationManager.bindResource(routing, connection);
            request.setAttribute(BOUND_CONNECTION, connection);
        } catch (SQLException | RuntimeException e) {
            // No afterCompletion follows a preHandle that throws.
            ReadPoolRouting.routeThisThreadToPrimary();
            throw new CannotGetJdbcConnectionException("no connection from the read pool", sqlOrWrapped(e));
        }
        return true;
    }

    /** A streamed answer (the audit export) goes on in another thread, which reads from the primary. */
    @Override
    public void afterConcurrentHandlingStarted(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        release(request);
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        release(request);
    }

    /**
     * Reads of the query side's own endpoints; not the actuator's (its health must be the primary's), not the
     * writes, and not what is marked {@link ReadsFromPrimary}.
     */
    static boolean servedByReadPool(HttpServletRequest request, Object handler) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return read
                && handler instanceof HandlerMethod method
                && method.getBeanType().getName().startsWith(QUERY_SIDE)
                && !method.hasMethodAnnotation(ReadsFromPrimary.class)
                && !method.getBeanType().isAnnotationPresent(ReadsFromPrimary.class);
    }

    private void release(HttpServletRequest request) {
        if (!(request.getAttribute(BOUND_CONNECTION) instanceof ConnectionHolder connection)) {
            return;
        }
        request.removeAttribute(BOUND_CONNECTION);
        TransactionSynchronizationManager.unbindResourceIfPossible(routing);
        try {
            connection.getConnection().close();
        } catch (SQLException e) {
            // The answer has gone out; a connection that broke is the pool's to evict.
            log.warn("could not return a query's connection to the read pool", e);
        } finally {
            ReadPoolRouting.routeThisThreadToPrimary();
        }
    }

    private static SQLException sqlOrWrapped(Exception e) {
        return e instanceof SQLException sql ? sql : new SQLException(e);
    }
}
