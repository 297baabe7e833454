package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.web.BusinessRefusal;

import java.util.Currency;

/** The ways the catalogue says no. */
final class CatalogueRefusal extends BusinessRefusal {

    private CatalogueRefusal(RefusalCode code, Kind kind, String detail) {
        super(code, kind, detail);
    }

    static CatalogueRefusal notManagerOf(SpaceId space) {
        return new CatalogueRefusal(
                RefusalCode.NOT_MANAGER_OF_SPACE,
                Kind.FORBIDDEN,
                "Only the managers of space " + space + " and administrators may change its resources.");
    }

    static CatalogueRefusal unknownSpace(SpaceId space) {
        return new CatalogueRefusal(
                RefusalCode.SPACE_NOT_FOUND, Kind.NOT_FOUND, "There is no such space: " + space + ".");
    }

    static CatalogueRefusal unknownMember(MemberId member) {
        return new CatalogueRefusal(
                RefusalCode.MEMBER_NOT_FOUND, Kind.NOT_FOUND, "There is no such member: " + member + ".");
    }

    static CatalogueRefusal priceInWrongCurrency(Currency spaceCurrency) {
        return new CatalogueRefusal(
                RefusalCode.CURRENCY_MISMATCH,
                Kind.INVALID,
                "Prices in this space are in " + spaceCurrency.getCurrencyCode() + ".");
    }

    static CatalogueRefusal unknownBlock(BlockId block) {
        return new CatalogueRefusal(
                RefusalCode.BLOCK_NOT_FOUND, Kind.NOT_FOUND, "There is no such block on this resource: " + block + ".");
    }

    static CatalogueRefusal invoicePrefixTaken(String prefix) {
        return new CatalogueRefusal(
                RefusalCode.INVOICE_PREFIX_TAKEN,
                Kind.CONFLICT,
                "Another space numbers its invoices " + prefix + "-…: each space's prefix is its own.");
    }

    static CatalogueRefusal retired(ResourceId resource) {
        return new CatalogueRefusal(
                RefusalCode.RESOURCE_RETIRED,
                Kind.CONFLICT,
                "Resource " + resource + " is retired and can no longer be changed.");
    }
}
