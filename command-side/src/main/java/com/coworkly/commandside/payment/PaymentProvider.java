package com.coworkly.commandside.payment;

/**
 * Where members pay: Stripe in production, a simulation in the demo. Calls are made outside any database
 * transaction and are idempotent by the request's key, so a retried call never charges twice.
 */
public interface PaymentProvider {

    /** The provider's name as recorded with each payment, e.g. {@code stripe}. */
    String name();

    /** Opens (or, for a repeated key, finds again) the payment the member is asked to make. */
    PaymentIntent requestPayment(PaymentRequest request);

    /** Pays back part or all of a payment; returns the provider's id of the refund. Idempotent by the key. */
    String refund(RefundRequest request);
}
