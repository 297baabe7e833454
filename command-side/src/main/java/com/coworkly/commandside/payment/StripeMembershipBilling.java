package com.coworkly.commandside.payment;

import com.coworkly.commandside.memberships.MembershipBilling;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.PlanTerms;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;

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
    public String provider() {
        return "stripe";
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
            Price price = priceOf(request.planId(), request.planRevision(), request.terms());
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
            return new Subscription(
                    "stripe",
                    subscription.getId(),
                    itemOf(subscription),
                    clientSecretOf(subscription),
                    Optional.empty());
        } catch (StripeException e) {
            throw new PaymentProviderUnavailable("Stripe could not open the subscription of " + request, e);
        }
    }

    /**
     * The subscription's one item moves to the new plan's Price; {@code proration_behavior=none} because the period
     * paid for keeps its plan: Stripe bills the new price from the next invoice, with no credit or charge for the
     * rest of this one.
     */
    @Override
    public void changePlan(
            OpenedSubscription subscription, PlanId plan, int planRevision, PlanTerms terms, String idempotencyKey) {
        try {
            Price price = priceOf(plan, planRevision, terms);
            stripe.v1()
                    .subscriptions()
                    .update(
                            subscription.subscriptionId(),
                            SubscriptionUpdateParams.builder()
                                    .addItem(SubscriptionUpdateParams.Item.builder()
                                            .setId(subscription.itemId())
                                            .setPrice(price.getId())
                                            .build())
                                    .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                                    .build(),
                            keyed(idempotencyKey));
        } catch (StripeException e) {
            throw new PaymentProviderUnavailable(
                    "Stripe could not move subscription " + subscription.subscriptionId() + " to plan " + plan, e);
        }
    }

    @Override
    public void cancelAtPeriodEnd(OpenedSubscription subscription) {
        try {
            stripe.v1()
                    .subscriptions()
                    .update(
                            subscription.subscriptionId(),
                            SubscriptionUpdateParams.builder()
                                    .setCancelAtPeriodEnd(true)
                                    .build(),
                            keyed("subscription-cancel-" + subscription.membershipId()));
        } catch (StripeException e) {
            throw new PaymentProviderUnavailable(
                    "Stripe could not cancel subscription " + subscription.subscriptionId() + " at its period's end",
                    e);
        }
    }

    /** A Price per plan revision, created once whoever asks (the idempotency key is the revision). */
    private Price priceOf(PlanId plan, int revision, PlanTerms terms) throws StripeException {
        return stripe.v1()
                .prices()
                .create(
                        PriceCreateParams.builder()
                                .setCurrency(terms.monthlyPrice()
                                        .currency()
                                        .getCurrencyCode()
                                        .toLowerCase(Locale.ROOT))
                                .setUnitAmount(terms.monthlyPrice().minorUnits())
                                .setRecurring(PriceCreateParams.Recurring.builder()
                                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                        .build())
                                .setProductData(PriceCreateParams.ProductData.builder()
                                        .setName(terms.name())
                                        .build())
                                .putMetadata("plan_id", plan.value())
                                .putMetadata("plan_revision", Integer.toString(revision))
                                .build(),
                        keyed("price-" + plan + "-" + revision));
    }

    private static String itemOf(com.stripe.model.Subscription subscription) {
        return subscription.getItems() == null
                        || subscription.getItems().getData() == null
                        || subscription.getItems().getData().isEmpty()
                ? null
                : subscription.getItems().getData().get(0).getId();
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
