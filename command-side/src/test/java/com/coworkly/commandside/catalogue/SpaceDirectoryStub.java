package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;

import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The spaces a resource's rules can see, held in memory instead of the command side's lookup table. */
public final class SpaceDirectoryStub implements SpaceDirectory {

    private record Grant(SpaceId space, MemberId member) {}

    private final Map<SpaceId, SpaceTerms> terms = new HashMap<>();
    private final Set<Grant> grants = new HashSet<>();
    private final Map<SpaceId, LegalEntity> sellers = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();

    /** A space that already numbers its invoices with {@code prefix}. */
    public SpaceDirectoryStub withInvoicePrefixTaken(String prefix) {
        prefixes.add(prefix);
        return this;
    }

    public SpaceDirectoryStub withSeller(SpaceId space, LegalEntity seller) {
        sellers.put(space, seller);
        return this;
    }

    SpaceDirectoryStub withSpace(SpaceId space, Currency currency, MemberId manager) {
        return withSpace(
                space,
                new SpaceTerms(
                        currency,
                        ZoneId.of("Europe/Amsterdam"),
                        CancellationPolicy.STANDARD,
                        java.time.Duration.ofHours(24)),
                manager);
    }

    public SpaceDirectoryStub withSpace(SpaceId space, SpaceTerms spaceTerms, MemberId manager) {
        terms.put(space, spaceTerms);
        grants.add(new Grant(space, manager));
        return this;
    }

    @Override
    public Optional<SpaceTerms> termsOf(SpaceId space) {
        return Optional.ofNullable(terms.get(space));
    }

    @Override
    public InvoicingTerms invoicingTermsOf(SpaceId space) {
        return new InvoicingTerms(new java.math.BigDecimal("21.00"), "CEN", sellers.get(space));
    }

    @Override
    public boolean isInvoicePrefixTaken(String prefix) {
        return prefixes.contains(prefix);
    }

    @Override
    public boolean isManagedBy(SpaceId space, MemberId member) {
        return grants.contains(new Grant(space, member));
    }

    @Override
    public BookingQuotas quotasOf(SpaceId space) {
        return BookingQuotas.NONE;
    }

    @Override
    public boolean managesAnySpace(MemberId member) {
        return grants.stream().anyMatch(grant -> grant.member().equals(member));
    }
}
