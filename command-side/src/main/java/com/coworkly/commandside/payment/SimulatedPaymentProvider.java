package com.coworkly.commandside.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** For demo runs without Stripe keys: every payment is taken at once, and no money moves. It says so. */
class SimulatedPaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

    SimulatedPaymentProvider() {
        log.warn("No Stripe key is configured (BOOKING_STRIPE_API_KEY): payments are SIMULATED. Every booking is "
                + "confirmed as paid at once and no money moves. Never run like this with real members.");
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public String refund(RefundRequest request) {
        String id = "sim_re_" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes());
        log.info(
                "SIMULATED refund {} of {} {} for booking {}: nothing is paid back",
                id,
                request.amount().minorUnits(),
                request.amount().currency(),
                request.bookingId());
        return id;
    }

    @Override
    public PaymentIntent requestPayment(PaymentRequest request) {
        String id = "sim_" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes());
        log.info(
                "SIMULATED payment {} of {} {} for {}: taken without charging anyone",
                id,
                request.amount().minorUnits(),
                request.amount().currency(),
                request);
        return new PaymentIntent(id, id + "_secret_simulated", true);
    }
}
