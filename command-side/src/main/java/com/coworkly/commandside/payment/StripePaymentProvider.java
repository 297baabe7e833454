package com.coworkly.commandside.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;

/**
 * Stripe through its own Java client. The client retries network failures and 5xx answers itself
 * ({@code max-network-retries}), with the same idempotency key, so Stripe creates one PaymentIntent however
 * often it is asked.
 */
class StripePaymentProvider implements PaymentProvider {

    private final StripeClient stripe;

    StripePaymentProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public String refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentId())
                .setAmount(request.amount().minorUnits())
                .putMetadata("booking_id", request.bookingId().value())
                .putMetadata("member_id", request.memberId().value())
                .build();
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(request.idempotencyKey())
                .build();
        try {
            return stripe.v1().refunds().create(params, options).getId();
        } catch (StripeException e) {
            throw new PaymentProviderUnavailable("Stripe could not refund booking " + request.bookingId(), e);
        }
    }

    @Override
    public PaymentIntent requestPayment(PaymentRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minorUnits())
                .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(java.util.Locale.ROOT))
                .putMetadata(request.metadataKey(), request.subjectId())
                .putMetadata("member_id", request.memberId().value())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .build();
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(request.idempotencyKey())
                .build();
        try {
            com.stripe.model.PaymentIntent intent = stripe.v1().paymentIntents().create(params, options);
            return new PaymentIntent(intent.getId(), intent.getClientSecret(), false);
        } catch (StripeException e) {
            throw new PaymentProviderUnavailable("Stripe could not open a payment for " + request, e);
        }
    }
}
