package com.coworkly.commandside.payment;

import com.coworkly.commandside.commands.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Open to the world, trusted only when Stripe's signature over the exact body checks out. */
@RestController
@Tag(name = "Payments")
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = "/api/payments/stripe/webhook", consumes = "application/json")
    @Operation(summary = "Stripe's payment events, signed with the webhook secret (Stripe only)")
    ResponseEntity<Map<String, Object>> receive(
            @RequestBody String payload, @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        webhooks.receive(payload, signature)
                .ifPresent(position -> ok.header(Accepted.EVENT_POSITION_HEADER, Long.toString(position)));
        return ok.body(Map.of("received", true));
    }
}
