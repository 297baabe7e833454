package com.coworkly.commandside.catalogue;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;

import java.util.Currency;
import java.util.Optional;

/**
 * What resource decisions need to know about spaces, which are other aggregates: whether a space exists,
 * its currency, and who manages it. Kept in the same transaction as the space's events, so it is never stale.
 */
public interface SpaceDirectory {

    Optional<Currency> currencyOf(SpaceId space);

    boolean isManagedBy(SpaceId space, MemberId member);

    boolean managesAnySpace(MemberId member);
}
