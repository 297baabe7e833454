package com.coworkly.commandside.credits;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.credits.CreditRolloverEnded;
import com.coworkly.events.credits.CreditsCarriedOver;
import com.coworkly.events.credits.CreditsExpired;
import com.coworkly.events.credits.CreditsGranted;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.credits.CreditsRolledOver;
import com.coworkly.events.credits.CreditsSpent;
import com.coworkly.events.credits.GrantShare;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One holder's credits, as a ledger of grants: granted, spent by bookings, returned by cancellations, expired.
 * The balance cannot go below zero, because a spending takes only what its grants still hold; and no minute is
 * spent twice, because two spendings racing on two instances load the same version of this ledger and the event
 * store lets only one of them append (the other is decided again on the new balance). See docs/memberships.md.
 * Snapshotted, because every placement of the member loads it and it grows with every booking it pays for.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger")
class CreditAccount {

    static final String GRANT_EXPIRY = "credit-grant-expiry";
    static final String CARRY_EXPIRY = "credit-carry-expiry";
    /**
     * How long minutes carried over wait for the next period's grant: a renewal is paid a little after its period
     * began, or within the membership's grace of 3 days after a failed attempt; past that it is suspended.
     */
    static final Duration CARRY_WAIT = Duration.ofDays(4);

    @AggregateIdentifier
    private CreditAccountId accountId;

    private final Map<String, Grant> grants = new LinkedHashMap<>();
    /** What each booking took from which grant, less what it had back: what a cancellation can return. */
    private final Map<BookingId, Map<String, Long>> spentBy = new HashMap<>();

    CreditAccount() {
        // for Axon
    }

    /**
     * A grant is made once, whatever the number of times its cause (a paid invoice's webhook, say) arrives. Minutes
     * carried over from the previous period roll into it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantCredits command, DeadlineManager deadlines) {
        if (grants.containsKey(command.grantId()) || command.minutes() == 0) {
            return;
        }
        List<Grant> waiting = grants.values().stream()
                .filter(grant -> grant.carried() && grant.remaining() > 0)
                .toList();
        apply(new CreditsGranted(
                command.accountId(),
                command.grantId(),
                command.minutes(),
                command.resourceKinds(),
                command.coverage(),
                command.expiresAt(),
                command.rolloverCapMinutes()));
        deadlines.schedule(command.expiresAt(), GRANT_EXPIRY, command.grantId());
        if (command.rolloverCapMinutes() > 0) {
            deadlines.schedule(command.expiresAt().plus(CARRY_WAIT), CARRY_EXPIRY, command.grantId());
        }
        for (Grant carried : waiting) {
            apply(new CreditsRolledOver(accountId, carried.grantId(), command.grantId(), carried.remaining()));
        }
    }

    @CommandHandler
    long handle(SpendCredits command, Clock clock) {
        if (spentBy.containsKey(command.bookingId())) {
            return sum(spentBy.get(command.bookingId()));
        }
        Instant now = clock.instant();
        List<GrantShare> shares = new ArrayList<>();
        long wanted = command.minutes();
        for (Grant grant : grants.values().stream()
                .filter(grant -> grant.pays(command.kind(), command.space(), now))
                .sorted(Grant.SOONEST_TO_EXPIRE)
                .toList()) {
            long taken = Math.min(wanted, grant.remaining());
            shares.add(new GrantShare(grant.grantId(), taken));
            wanted -= taken;
            if (wanted == 0) {
                break;
            }
        }
        long covered = command.minutes() - wanted;
        if (covered > 0) {
            apply(new CreditsSpent(accountId, command.bookingId(), covered, shares));
        }
        return covered;
    }

    /**
     * Returned to the grants the booking took from, those that expire last first, so that what comes back stays
     * spendable as long as it can; what belongs to a grant that has expired is forfeited.
     */
    @CommandHandler
    void handle(ReturnCredits command, Clock clock) {
        Map<String, Long> taken = spentBy.getOrDefault(command.bookingId(), Map.of());
        long toReturn = Math.min(command.minutes(), sum(taken));
        Instant now = clock.instant();
        List<GrantShare> back = new ArrayList<>();
        List<GrantShare> forfeited = new ArrayList<>();
        for (Grant grant : taken.keySet().stream()
                .map(grants::get)
                .sorted(Grant.SOONEST_TO_EXPIRE.reversed())
                .toList()) {
            long minutes = Math.min(toReturn, taken.get(grant.grantId()));
            if (minutes > 0) {
                (grant.isLiveAt(now) ? back : forfeited).add(new GrantShare(grant.grantId(), minutes));
                toReturn -= minutes;
            }
        }
        if (!back.isEmpty() || !forfeited.isEmpty()) {
            apply(new CreditsReturned(accountId, command.bookingId(), back, forfeited));
        }
    }

    /**
     * At its end a grant's unspent minutes expire, but for what its plan lets roll over: that goes into the next
     * period's grant if it has been made already (a renewal paid early), else waits for it.
     */
    @DeadlineHandler(deadlineName = GRANT_EXPIRY)
    void grantReachedItsEnd(String grantId) {
        Grant grant = grants.get(grantId);
        if (grant == null || grant.carried() || grant.remaining() == 0) {
            return;
        }
        long carry = grant.toCarry();
        if (grant.remaining() > carry) {
            apply(new CreditsExpired(accountId, grantId, grant.remaining() - carry));
        }
        if (carry > 0) {
            Optional<Grant> next = grants.values().stream()
                    .filter(other -> !other.carried() && other.expiresAt().isAfter(grant.expiresAt()))
                    .max(Grant.SOONEST_TO_EXPIRE);
            apply(next.<Object>map(into -> new CreditsRolledOver(accountId, grantId, into.grantId(), carry))
                    .orElseGet(() -> new CreditsCarriedOver(
                            accountId, grantId, carry, grant.expiresAt().plus(CARRY_WAIT))));
        }
    }

    /** Carried minutes that no next period took expire. */
    @DeadlineHandler(deadlineName = CARRY_EXPIRY)
    void carryRanOut(String grantId) {
        expireIfCarried(grants.get(grantId));
    }

    /** Asked again, or of a ledger with nothing to roll over, this changes nothing. */
    @CommandHandler
    void handle(EndRollover command) {
        boolean rollsOver = grants.values().stream()
                .anyMatch(grant -> grant.rolloverCap() > 0 || (grant.carried() && grant.remaining() > 0));
        if (!rollsOver) {
            return;
        }
        List<Grant> waiting = grants.values().stream().filter(Grant::carried).toList();
        apply(new CreditRolloverEnded(accountId, command.reason()));
        waiting.forEach(this::expireIfCarried);
    }

    private void expireIfCarried(Grant grant) {
        if (grant != null && grant.carried() && grant.remaining() > 0) {
            apply(new CreditsExpired(accountId, grant.grantId(), grant.remaining()));
        }
    }

    @EventSourcingHandler
    void on(CreditsGranted event) {
        accountId = event.accountId();
        grants.put(event.grantId(), Grant.of(event));
    }

    @EventSourcingHandler
    void on(CreditsSpent event) {
        Map<String, Long> taken = spentBy.computeIfAbsent(event.bookingId(), booking -> new LinkedHashMap<>());
        for (GrantShare share : event.from()) {
            grants.computeIfPresent(share.grantId(), (id, grant) -> grant.less(share.minutes()));
            taken.merge(share.grantId(), share.minutes(), Long::sum);
        }
    }

    @EventSourcingHandler
    void on(CreditsReturned event) {
        Map<String, Long> taken = spentBy.get(event.bookingId());
        for (GrantShare share : event.to()) {
            taken.merge(share.grantId(), -share.minutes(), Long::sum);
            grants.computeIfPresent(share.grantId(), (id, grant) -> grant.plus(share.minutes()));
        }
        for (GrantShare share : event.forfeited()) {
            taken.merge(share.grantId(), -share.minutes(), Long::sum);
        }
    }

    @EventSourcingHandler
    void on(CreditsExpired event) {
        grants.computeIfPresent(event.grantId(), (id, grant) -> grant.less(event.minutes()));
    }

    @EventSourcingHandler
    void on(CreditsCarriedOver event) {
        grants.computeIfPresent(event.grantId(), (id, grant) -> grant.carriedUntil(event.until()));
    }

    @EventSourcingHandler
    void on(CreditsRolledOver event) {
        grants.computeIfPresent(event.fromGrantId(), (id, grant) -> grant.less(event.minutes()));
        grants.computeIfPresent(event.toGrantId(), (id, grant) -> grant.plus(event.minutes()));
    }

    @EventSourcingHandler
    void on(CreditRolloverEnded event) {
        grants.replaceAll((id, grant) -> grant.withoutRollover());
    }

    private static long sum(Map<String, Long> minutesByGrant) {
        return minutesByGrant.values().stream().mapToLong(Long::longValue).sum();
    }
}
