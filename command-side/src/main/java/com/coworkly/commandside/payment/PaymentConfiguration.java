package com.coworkly.commandside.payment;

import com.coworkly.commandside.memberships.MembershipBilling;
import com.stripe.StripeClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

@Configuration
class PaymentConfiguration {

    /** Stripe when a secret key is configured, the simulation (which says so) otherwise. */
    @Bean
    PaymentProvider paymentProvider(
            @Value("${booking.payments.stripe.api-key:}") String apiKey,
            @Value("${booking.payments.stripe.api-base:}") String apiBase,
            @Value("${booking.payments.stripe.connect-timeout:PT2S}") Duration connectTimeout,
            @Value("${booking.payments.stripe.read-timeout:PT5S}") Duration readTimeout,
            @Value("${booking.payments.stripe.max-network-retries:2}") int retries) {
        if (apiKey.isBlank()) {
            return new SimulatedPaymentProvider();
        }
        return new StripePaymentProvider(stripe(apiKey, apiBase, connectTimeout, readTimeout, retries));
    }

    /** Stripe Billing with the same key, or the simulation (which says so) when there is none. */
    @Bean
    MembershipBilling membershipBilling(
            @Value("${booking.payments.stripe.api-key:}") String apiKey,
            @Value("${booking.payments.stripe.api-base:}") String apiBase,
            @Value("${booking.payments.stripe.connect-timeout:PT2S}") Duration connectTimeout,
            @Value("${booking.payments.stripe.read-timeout:PT5S}") Duration readTimeout,
            @Value("${booking.payments.stripe.max-network-retries:2}") int retries,
            Clock clock,
            SimulatedBillingCalendar calendar) {
        if (apiKey.isBlank()) {
            return new SimulatedMembershipBilling(clock, calendar);
        }
        return new StripeMembershipBilling(stripe(apiKey, apiBase, connectTimeout, readTimeout, retries));
    }

    private static StripeClient stripe(
            String apiKey, String apiBase, Duration connectTimeout, Duration readTimeout, int retries) {
        StripeClient.StripeClientBuilder stripe = StripeClient.builder()
                .setApiKey(apiKey)
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setReadTimeout((int) readTimeout.toMillis())
                .setMaxNetworkRetries(retries);
        if (!apiBase.isBlank()) {
            stripe.setApiBase(apiBase);
        }
        return stripe.build();
    }
}
