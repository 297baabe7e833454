package com.coworkly.queryside.audit;

import com.coworkly.events.credits.CreditsExpired;
import com.coworkly.events.credits.CreditsGranted;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.credits.CreditsRolledOver;
import com.coworkly.events.credits.CreditsSpent;
import com.coworkly.events.credits.GrantShare;

import java.util.LinkedHashMap;
import java.util.Map;

/** A credit ledger: what is left of each grant, as its events left it. */
class CreditAccountFold implements StateFold {

    private String accountId;
    private final Map<String, Long> remainingByGrant = new LinkedHashMap<>();

    @Override
    public void apply(Object event) {
        if (event instanceof CreditsGranted granted) {
            accountId = granted.accountId().value();
            remainingByGrant.merge(granted.grantId(), granted.minutes(), Long::sum);
        } else if (event instanceof CreditsSpent spent) {
            spent.from().forEach(share -> move(share, -share.minutes()));
        } else if (event instanceof CreditsReturned returned) {
            returned.to().forEach(share -> move(share, share.minutes()));
        } else if (event instanceof CreditsExpired expired) {
            remainingByGrant.merge(expired.grantId(), -expired.minutes(), Long::sum);
        } else if (event instanceof CreditsRolledOver rolled) {
            remainingByGrant.merge(rolled.fromGrantId(), -rolled.minutes(), Long::sum);
            remainingByGrant.merge(rolled.toGrantId(), rolled.minutes(), Long::sum);
        }
    }

    private void move(GrantShare share, long minutes) {
        remainingByGrant.merge(share.grantId(), minutes, Long::sum);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accountId", accountId);
        view.put("remainingByGrant", new LinkedHashMap<>(remainingByGrant));
        view.put(
                "remaining",
                remainingByGrant.values().stream().mapToLong(Long::longValue).sum());
        return view;
    }
}
