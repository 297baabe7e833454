package com.coworkly.queryside.invoices;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.security.Role;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.support.ReadModelDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static com.coworkly.queryside.invoices.InvoiceEvents.MIA;
import static com.coworkly.queryside.invoices.InvoiceEvents.amsterdamManaged;
import static com.coworkly.queryside.invoices.InvoiceEvents.anInvoice;
import static com.coworkly.queryside.invoices.InvoiceEvents.berlinManaged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may read an invoice and list invoices, decided from the grants in the invoices read model. */
class InvoiceReadersTest {

    private static final CurrentCaller MIA_HERSELF = new CurrentCaller("mia", Set.of(Role.MEMBER));
    private static final CurrentCaller ANOTHER_MEMBER = new CurrentCaller("zoe", Set.of(Role.MEMBER));
    private static final CurrentCaller AMSTERDAMS_MANAGER =
            new CurrentCaller("anna", Set.of(Role.MEMBER, Role.MANAGER));
    private static final CurrentCaller BERLINS_MANAGER = new CurrentCaller("bernd", Set.of(Role.MANAGER));
    private static final CurrentCaller UNGRANTED_MANAGER = new CurrentCaller("nora", Set.of(Role.MANAGER));
    private static final CurrentCaller ADMIN = new CurrentCaller("ada", Set.of(Role.ADMIN));
    private static final CurrentCaller OPERATOR = new CurrentCaller("oscar", Set.of(Role.OPERATOR));
    private static final InvoiceListFilter EVERY_INVOICE =
            InvoiceListFilter.of(Optional.empty(), Optional.empty(), Optional.empty());
    private static final InvoiceListFilter AMSTERDAMS_IN_DECEMBER = InvoiceListFilter.of(
            Optional.of("space-ams"), Optional.of(LocalDate.of(2026, 12, 1)), Optional.of(LocalDate.of(2026, 12, 31)));

    private static ReadModelDatabase database;
    private InvoicesProjection projection;
    private InvoicesQueries queries;
    private InvoiceReaders readers;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void twoManagedSpaces() {
        ObjectMapper json =
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        projection = new InvoicesProjection(database.jdbc(), json);
        queries = new InvoicesQueries(database.jdbc(), json);
        readers = new InvoiceReaders(queries);
        projection.reset();
        projection.on(amsterdamManaged());
        projection.on(berlinManaged());
    }

    @Test
    void anInvoiceIsReadByItsMemberTheSpacesManagersAdministratorsAndOperatorsOnly() {
        projection.on(anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28"));
        InvoicesViews.InvoiceView invoice = queries.invoice("inv-1").orElseThrow();

        assertThat(readers.mayRead(MIA_HERSELF, invoice)).isTrue();
        assertThat(readers.mayRead(AMSTERDAMS_MANAGER, invoice)).isTrue();
        assertThat(readers.mayRead(ADMIN, invoice)).isTrue();
        assertThat(readers.mayRead(OPERATOR, invoice)).isTrue();
        assertThat(readers.mayRead(ANOTHER_MEMBER, invoice)).isFalse();
        assertThat(readers.mayRead(BERLINS_MANAGER, invoice)).isFalse();
        assertThat(readers.mayRead(UNGRANTED_MANAGER, invoice)).isFalse();
    }

    @Test
    void aGrantMakesAManagerWhateverTheTokenSays() {
        projection.on(anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28"));
        CurrentCaller grantedWithAnOldToken = new CurrentCaller("anna", Set.of(Role.MEMBER));

        assertThat(readers.mayRead(
                        grantedWithAnOldToken, queries.invoice("inv-1").orElseThrow()))
                .isTrue();
        assertThat(readers.listable(grantedWithAnOldToken, EVERY_INVOICE).managedBy())
                .contains("anna");
    }

    @Test
    void administratorsAndOperatorsListEveryInvoiceAsAsked() {
        assertThat(readers.listable(ADMIN, EVERY_INVOICE)).isEqualTo(EVERY_INVOICE);
        assertThat(readers.listable(OPERATOR, AMSTERDAMS_IN_DECEMBER)).isEqualTo(AMSTERDAMS_IN_DECEMBER);
    }

    @Test
    void aManagerListsOnlyTheSpacesGrantedToThem() {
        assertThat(readers.listable(AMSTERDAMS_MANAGER, EVERY_INVOICE)).isEqualTo(EVERY_INVOICE.onlyManagedBy("anna"));
        assertThat(readers.listable(AMSTERDAMS_MANAGER, AMSTERDAMS_IN_DECEMBER)).isEqualTo(AMSTERDAMS_IN_DECEMBER);
    }

    @Test
    void aManagerWithoutGrantsYetListsNothingRatherThanEverything() {
        InvoiceListFilter listed = readers.listable(UNGRANTED_MANAGER, EVERY_INVOICE);
        projection.on(anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28"));

        assertThat(listed.managedBy()).contains("nora");
        assertThat(queries.invoices(listed, new PageRequest(0, 20)).items()).isEmpty();
    }

    @Test
    void cannotListTheInvoicesOfASpaceOneDoesNotManage() {
        assertRefused(() -> readers.listable(BERLINS_MANAGER, AMSTERDAMS_IN_DECEMBER), "NOT_MANAGER_OF_SPACE");
        assertRefused(() -> readers.listable(MIA_HERSELF, AMSTERDAMS_IN_DECEMBER), "NOT_MANAGER_OF_SPACE");
    }

    @Test
    void aMemberWhoManagesNothingCannotListInvoices() {
        assertRefused(() -> readers.listable(MIA_HERSELF, EVERY_INVOICE), "NOT_ALLOWED_TO_LIST_INVOICES");
    }

    private static void assertRefused(Runnable listing, String code) {
        assertThatThrownBy(listing::run).isInstanceOfSatisfying(BusinessRefusal.class, refusal -> {
            assertThat(refusal.code().name()).isEqualTo(code);
            assertThat(refusal.kind()).isEqualTo(BusinessRefusal.Kind.FORBIDDEN);
        });
    }
}
