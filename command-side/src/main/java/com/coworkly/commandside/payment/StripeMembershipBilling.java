package com.coworkly.commandside.payment;

import com.coworkly.commandside.memberships.MembershipBilling;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.SubscriptionCreateParams;

import java.util.Locale;
import java.util.Optional;

/**
 * Stripe Billing through its own Java client: a Customer per member, a monthly Price per plan revision (Stripe's
 * prices cannot change, so a revision is a new one), and a Subscription per membership whose first invoice the
 * member's app pays with the client secret. Every call carries an idempotency key made from what it is for, so a
 * retried subscription creates nothing twice. Periods are paid, and credits granted, when Stripe says
 * {@code invoice.paid} ({@link StripeWebhooks}).
 */
class StripeMembershipBilling implements MembershipBilling {

    private final StripeClient stripe;

    StripeMembershipBilling(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public Subscription subscribe(Request request) {
        try {
            Customer customer = stripe.v1()
                    .customers()
                    .create(
                            CustomerCreateParams.builder()
                                    .putMetadata("member_id", request.memberId().value())
                                    .build(),
                            keyed("customer-" + request.memberId()));
            Price price = stripe.v1()
                    .prices()
                    .create(
                            PriceCreateParams.builder()
                                    .setCurrency(request.terms()
                                            .monthlyPrice()
                                            .currency()
                                            .getCurrencyCode()
                                            .toLowerCase(Locale.ROOT))
                                    .setUnitAmount(
                                            request.terms().monthlyPrice().minorUnits())
                                    .setRecurring(PriceCreateParams.Recurring.builder()
                                            .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                            .build())
                                    .setProductData(PriceCreateParams.ProductData.builder()
                                            .setName(request.terms().name())
                                            .build())
                                    .putMetadata("plan_id", request.planId().value())
                                    .putMetadata("plan_revision", Integer.toString(request.planRevision()))
                                    .build(),
                            keyed("price-" + request.planId() + "-" + request.planRevision()));
            com.stripe.model.Subscription subscription = stripe.v1()
                    .subscriptions()
                    .create(
                            SubscriptionCreateParams.builder()
                                    .setCustomer(customer.getId())
                                    .addItem(SubscriptionCreateParams.Item.builder()
                                            .setPrice(price.getId())
                                            .build())
                                    .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.DEFAULT_INCOMPLETE)
                                    .putMetadata(
                                            "membership_id",
                                            request.membershipId().value())
                                    .putMetadata("member_id", request.memberId().value())
                                    .addExpand("latest_invoice.confirmation_secret")
                                    .build(),
                            keyed("subscription-" + request.membershipId()));
            return new Subscription("stripe", subscription.getId(), clientSecretOf(subscription), Optional.empty());
        } catch (StripeException e) {
            throw new PaymentProviderUnavailable("Stripe could not open the subscription of " + request, e);
        }
    }

    private static String clientSecretOf(com.stripe.model.Subscription subscription) {
        var invoice = subscription.getLatestInvoiceObject();
        return invoice == null || invoice.getConfirmationSecret() == null
                ? null
                : invoice.getConfirmationSecret().getClientSecret();
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
