package com.coworkly.queryside.standby;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * A second connection pool for the queries, typically to a hot standby (decision 35), when
 * {@code booking.read-datasource.url} is set. Unset, none of this exists and Boot's one pool serves everything.
 * <p>
 * Both pools take {@code spring.datasource}'s credentials and {@code spring.datasource.hikari}'s settings (schema,
 * timeouts, driver properties), as Boot's own pool does; the read pool differs in its URL, its size, and in being
 * read-only. What injects a {@code DataSource}, a {@code JdbcTemplate} or the transaction
 * manager gets the {@link ReadPoolRouting} in front of both.
 */
@Configuration
@ConditionalOnExpression("!'${booking.read-datasource.url:}'.isBlank()")
class StandbyReadsConfiguration {

    private static final String HIKARI = "spring.datasource.hikari";

    @Bean
    HikariDataSource primaryPool(DataSourceProperties properties, Environment environment) {
        HikariDataSource pool = pool(properties, environment);
        pool.setPoolName("primary");
        return pool;
    }

    @Bean
    HikariDataSource readPool(
            DataSourceProperties properties,
            Environment environment,
            @Value("${booking.read-datasource.url}") String url,
            @Value("${booking.read-datasource.pool-size:20}") int size) {
        HikariDataSource pool = pool(properties, environment);
        pool.setPoolName("reads");
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(size);
        // Read-only sessions, not only read-only transactions: a query's statements run in autocommit
        // (StandbyReadsInterceptor), and a write routed here by mistake must fail even when the URL fell back to the
        // primary.
        pool.setReadOnly(true);
        pool.addDataSourceProperty("readOnlyMode", "always");
        return pool;
    }

    @Bean
    @Primary
    ReadPoolRouting dataSource(HikariDataSource primaryPool, HikariDataSource readPool) {
        return new ReadPoolRouting(primaryPool, readPool);
    }

    @Bean
    StandbyReadsInterceptor standbyReadsInterceptor(ReadPoolRouting dataSource) {
        return new StandbyReadsInterceptor(dataSource);
    }

    private static HikariDataSource pool(DataSourceProperties properties, Environment environment) {
        HikariDataSource pool = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        Binder.get(environment).bind(HIKARI, Bindable.ofInstance(pool));
        return pool;
    }
}
