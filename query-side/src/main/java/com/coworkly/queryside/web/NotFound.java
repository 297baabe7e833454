package com.coworkly.queryside.web;

import com.coworkly.platform.web.BusinessRefusal;

/** An id that names nothing in the read model, with the code of what it should have named. */
public final class NotFound extends BusinessRefusal {

    private NotFound(RefusalCode code, String what, String id) {
        super(code, Kind.NOT_FOUND, "There is no such " + what + ": " + id + ".");
    }

    public static NotFound space(String spaceId) {
        return new NotFound(RefusalCode.SPACE_NOT_FOUND, "space", spaceId);
    }

    public static NotFound resource(String resourceId) {
        return new NotFound(RefusalCode.RESOURCE_NOT_FOUND, "resource", resourceId);
    }

    public static NotFound booking(String bookingId) {
        return new NotFound(RefusalCode.BOOKING_NOT_FOUND, "booking", bookingId);
    }

    public static NotFound plan(String planId) {
        return new NotFound(RefusalCode.PLAN_NOT_FOUND, "plan", planId);
    }

    public static NotFound membershipOf(String memberId) {
        return new NotFound(RefusalCode.MEMBERSHIP_NOT_FOUND, "membership of member", memberId);
    }

    public static NotFound company(String companyId) {
        return new NotFound(RefusalCode.COMPANY_NOT_FOUND, "company", companyId);
    }

    public static NotFound invoice(String invoiceId) {
        return new NotFound(RefusalCode.INVOICE_NOT_FOUND, "invoice", invoiceId);
    }
}
