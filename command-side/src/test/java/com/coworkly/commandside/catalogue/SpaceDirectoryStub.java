package com.coworkly.commandside.catalogue;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;

import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The spaces a resource's rules can see, held in memory instead of the command side's lookup table. */
final class SpaceDirectoryStub implements SpaceDirectory {

    private record Grant(SpaceId space, MemberId member) {
    }

    private final Map<SpaceId, Currency> currencies = new HashMap<>();
    private final Set<Grant> grants = new HashSet<>();

    SpaceDirectoryStub withSpace(SpaceId space, Currency currency, MemberId manager) {
        currencies.put(space, currency);
        grants.add(new Grant(space, manager));
        return this;
    }

    @Override
    public Optional<Currency> currencyOf(SpaceId space) {
        return Optional.ofNullable(currencies.get(space));
    }

    @Override
    public boolean isManagedBy(SpaceId space, MemberId member) {
        return grants.contains(new Grant(space, member));
    }

    @Override
    public boolean managesAnySpace(MemberId member) {
        return grants.stream().anyMatch(grant -> grant.member().equals(member));
    }
}
