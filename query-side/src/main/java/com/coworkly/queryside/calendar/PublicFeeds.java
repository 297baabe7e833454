package com.coworkly.queryside.calendar;

import com.coworkly.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Calendar apps poll a feed's secret address without a bearer token; the address itself is the credential. */
@Configuration
class PublicFeeds {

    @Bean
    PublicEndpoints calendarFeedAddresses() {
        return new PublicEndpoints(List.of(CalendarController.FEEDS + "*"));
    }
}
