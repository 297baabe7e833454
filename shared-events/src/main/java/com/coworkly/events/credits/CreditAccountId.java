package com.coworkly.events.credits;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * Identifies whose credits a ledger holds: a member's, or a company's shared pool. Prefixed, because the event
 * store keys every aggregate by its identifier alone, and a member's own events are already stored under the
 * member's id.
 */
public record CreditAccountId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CreditAccountId {
        Objects.requireNonNull(value, "credit account id");
    }

    public static CreditAccountId ofMember(MemberId member) {
        return new CreditAccountId("credits-of-" + member.value());
    }

    public static CreditAccountId ofCompany(CompanyId company) {
        return new CreditAccountId("credits-of-company-" + company.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
