package com.coworkly.queryside.standby;

import com.coworkly.queryside.QuerySideApplication;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Serves a query from the read pool through one connection, held from before the read-your-writes check until the
 * answer is written: a read-only transaction on a thread {@link ReadPoolRouting} sends to the read pool. The check
 * ({@code ProcessorProgress}) and the query then ask the same server, so a standby that said "passed" answers the
 * query too, and a standby only moves forward. The read pool's connections are READ COMMITTED: each statement sees
 * what the server has replayed by then, which is what lets the wait see progress (REPEATABLE READ would freeze the
 * first snapshot for the whole wait). Decision 35.
 * <p>
 * Ordered first, so that the transaction exists before the read-your-writes interceptor asks for progress.
 */
final class StandbyReadsInterceptor implements AsyncHandlerInterceptor, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StandbyReadsInterceptor.class);
    private static final String READ_TRANSACTION = StandbyReadsInterceptor.class.getName() + ".transaction";
    private static final String QUERY_SIDE = QuerySideApplication.class.getPackageName() + ".";

    private final PlatformTransactionManager transactions;
    private final TransactionDefinition readOnly;

    StandbyReadsInterceptor(PlatformTransactionManager transactions) {
        this.transactions = transactions;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        // A write routed here by mistake fails loudly, even when the read pool's URL fell back to the primary.
        definition.setReadOnly(true);
        this.readOnly = definition;
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
            request.setAttribute(READ_TRANSACTION, transactions.getTransaction(readOnly));
        } catch (RuntimeException e) {
            // No afterCompletion follows a preHandle that throws.
            ReadPoolRouting.routeThisThreadToPrimary();
            throw e;
        }
        return true;
    }

    /** A streamed answer (the audit export) goes on in another thread, which reads from the primary. */
    @Override
    public void afterConcurrentHandlingStarted(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        end(request);
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        end(request);
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

    private void end(HttpServletRequest request) {
        if (!(request.getAttribute(READ_TRANSACTION) instanceof TransactionStatus transaction)) {
            return;
        }
        request.removeAttribute(READ_TRANSACTION);
        try {
            // Nothing to commit: the transaction only read.
            transactions.rollback(transaction);
        } catch (TransactionException e) {
            // The answer has gone out; a connection lost at the end is the pool's to evict.
            log.warn("could not end a query's read-only transaction on the read pool", e);
        } finally {
            ReadPoolRouting.routeThisThreadToPrimary();
        }
    }
}
