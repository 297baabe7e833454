package com.coworkly.commandside.companies;

import com.coworkly.commandside.credits.CreditLedgers;
import com.coworkly.commandside.credits.EndRollover;
import com.coworkly.commandside.credits.GrantCredits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CompaniesConfiguration {

    @Bean
    CompanyPool companyPool(CreditLedgers ledgers) {
        return new CompanyPool() {
            @Override
            public void grant(GrantCredits grant) {
                ledgers.decide(grant);
            }

            @Override
            public void endRollover(EndRollover end) {
                ledgers.endRollover(end);
            }
        };
    }
}
