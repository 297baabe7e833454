package com.coworkly.commandside.payment;

/**
 * A payment opened at the provider. {@code clientSecret} is what the member's app needs to pay it; it is a
 * secret, so it goes to the member in the booking's answer and nowhere else (not into events or logs).
 * {@code alreadyPaid} is true only for the simulated provider, which takes no money and needs no webhook.
 */
public record PaymentIntent(String id, String clientSecret, boolean alreadyPaid) {

    @Override
    public String toString() {
        return "PaymentIntent[id=" + id + ", alreadyPaid=" + alreadyPaid + "]";
    }
}
