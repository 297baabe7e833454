package com.coworkly.commandside.memberships;

import com.coworkly.commandside.credits.CreditLedgers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MembershipsConfiguration {

    @Bean
    PeriodCredits periodCredits(CreditLedgers ledgers) {
        return ledgers::decide;
    }
}
