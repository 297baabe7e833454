package com.coworkly.queryside.bookings;

import com.coworkly.queryside.operations.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The bookings' tables, rebuilt by an operator's replay (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class BookingsRebuild {

    @Bean
    RebuildableReadModel bookingsReadModel() {
        return new RebuildableReadModel(
                BookingsProjection.GROUP, List.of("booking_view", "booking_space_manager"), BookingsProjection::new);
    }
}
