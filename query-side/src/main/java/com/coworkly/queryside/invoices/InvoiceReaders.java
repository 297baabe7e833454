package com.coworkly.queryside.invoices;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.security.Role;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.web.RefusalCode;
import org.springframework.stereotype.Component;

/**
 * Who may read invoices. One invoice: the member it is for, the managers of its space (as granted, whatever
 * roles their token names), the administrators of the company a company's invoice is for, the network's
 * administrators, and operators, who audit.
 *
 * <p>Lists: administrators and operators list every invoice. Anyone else who names a space must manage it
 * ({@code NOT_MANAGER_OF_SPACE}). Without a space, a manager (by a grant, or by the MANAGER role while a grant has
 * yet to reach this read model) lists the invoices of the spaces granted to them, which may be none; a caller
 * who manages nothing is refused ({@code NOT_ALLOWED_TO_LIST_INVOICES}) and reads their own invoices at
 * {@code /api/members/me/invoices}. The role never widens what is seen: only grants name spaces.
 */
@Component
class InvoiceReaders {

    static final class NotManagerOfSpace extends BusinessRefusal {
        NotManagerOfSpace(String spaceId) {
            super(
                    RefusalCode.NOT_MANAGER_OF_SPACE,
                    Kind.FORBIDDEN,
                    "Only the managers of space " + spaceId + ", administrators and operators can list its invoices.");
        }
    }

    static final class NotAllowedToListInvoices extends BusinessRefusal {
        NotAllowedToListInvoices() {
            super(
                    RefusalCode.NOT_ALLOWED_TO_LIST_INVOICES,
                    Kind.FORBIDDEN,
                    "Only managers, administrators and operators can "
                            + "list invoices; a member's own invoices are at /api/members/me/invoices.");
        }
    }

    private final InvoicesQueries invoices;

    InvoiceReaders(InvoicesQueries invoices) {
        this.invoices = invoices;
    }

    boolean mayRead(CurrentCaller caller, InvoicesViews.InvoiceView invoice) {
        return caller.memberId().equals(invoice.memberId())
                || seesEveryInvoice(caller)
                || invoices.isManagerOf(invoice.spaceId(), caller.memberId())
                || (invoice.companyId() != null && invoices.administersCompany(invoice.companyId(), caller.memberId()));
    }

    /** A company's invoices: its administrators, the network's administrators and operators. */
    boolean mayListOfCompany(CurrentCaller caller, String companyId) {
        return seesEveryInvoice(caller) || invoices.administersCompany(companyId, caller.memberId());
    }

    /** The list the caller asked for, narrowed to what they may see, or refused. */
    InvoiceListFilter listable(CurrentCaller caller, InvoiceListFilter asked) {
        if (seesEveryInvoice(caller)) {
            return asked;
        }
        if (asked.spaceId().isPresent()) {
            String spaceId = asked.spaceId().get();
            if (!invoices.isManagerOf(spaceId, caller.memberId())) {
                throw new NotManagerOfSpace(spaceId);
            }
            return asked;
        }
        if (caller.has(Role.MANAGER) || invoices.managesAnySpace(caller.memberId())) {
            return asked.onlyManagedBy(caller.memberId());
        }
        throw new NotAllowedToListInvoices();
    }

    private static boolean seesEveryInvoice(CurrentCaller caller) {
        return caller.has(Role.ADMIN) || caller.has(Role.OPERATOR);
    }
}
