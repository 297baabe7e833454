package com.coworkly.queryside.operations;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Where a rebuild writes: connections whose search path puts the shadow schema first, so that a projection's
 * unqualified table names reach the shadow copies while {@code token_entry} is still found in
 * {@code query_side}. The rebuild's rows and its tokens are written through the same connection, in one
 * transaction per batch, as the live processors do.
 */
@Component
class RebuildStorage {

    static final String SHADOW_SCHEMA = "query_side_rebuild";

    private final HikariDataSource dataSource;
    private final TransactionManager transactions;
    private final TokenStore tokens;

    RebuildStorage(
            DataSourceProperties properties,
            Serializer serializer,
            TokenSchema tokenSchema,
            @Value("${booking.projections.rebuild.pool-size:4}") int poolSize) {
        dataSource = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        dataSource.setPoolName("rebuild");
        dataSource.setMaximumPoolSize(poolSize);
        // Idle until an operator starts a rebuild: no connection is opened at startup.
        dataSource.setMinimumIdle(0);
        dataSource.setInitializationFailTimeout(-1);
        dataSource.setConnectionInitSql("SET search_path TO " + SHADOW_SCHEMA + ", query_side, public");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        tokens = JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .schema(tokenSchema)
                .build();
    }

    /**
     * A template for one rebuild's handlers, whose writes go out once per batch ({@link WriteBehindJdbcTemplate}).
     *
     * @param onFailedWrite told of a write that failed at a batch's commit
     */
    JdbcTemplate writeBehind(Consumer<RuntimeException> onFailedWrite) {
        return new WriteBehindJdbcTemplate(dataSource, onFailedWrite);
    }

    TransactionManager transactions() {
        return transactions;
    }

    TokenStore tokens() {
        return tokens;
    }

    @PreDestroy
    void close() {
        dataSource.close();
    }
}
