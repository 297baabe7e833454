package com.coworkly.queryside.invoices;

import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.platform.security.Role;
import com.coworkly.platform.web.ProblemDetailsAdvice;
import com.coworkly.queryside.support.ReadModelDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static com.coworkly.queryside.invoices.InvoiceEvents.BERLIN;
import static com.coworkly.queryside.invoices.InvoiceEvents.MAX;
import static com.coworkly.queryside.invoices.InvoiceEvents.MIA;
import static com.coworkly.queryside.invoices.InvoiceEvents.aCreditNote;
import static com.coworkly.queryside.invoices.InvoiceEvents.amsterdamManaged;
import static com.coworkly.queryside.invoices.InvoiceEvents.amsterdamRegistered;
import static com.coworkly.queryside.invoices.InvoiceEvents.anInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The invoice endpoints over Spring MVC with the services' problem+json translation, on the real read model.
 * The caller is put in the security context directly: the token checks are the platform's, tested there.
 */
class InvoicesHttpTest {

    private static ReadModelDatabase database;
    private MockMvc mvc;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void anAmsterdamInvoiceCreditedAndABerlinOne() {
        ObjectMapper json =
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        InvoicesProjection projection = new InvoicesProjection(database.jdbc(), json);
        InvoicesQueries queries = new InvoicesQueries(database.jdbc(), json);
        mvc = MockMvcBuilders.standaloneSetup(
                        new InvoicesController(queries, new InvoiceReaders(queries), new InvoiceDocument()))
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setMessageConverters(
                        new ByteArrayHttpMessageConverter(),
                        new MappingJackson2HttpMessageConverter(
                                // as application.yml configures Boot's: dates as ISO text
                                Jackson2ObjectMapperBuilder.json()
                                        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                        .build()))
                .build();
        projection.reset();
        projection.on(amsterdamRegistered());
        projection.on(amsterdamManaged());
        InvoiceIssued invoice = anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28");
        projection.on(invoice);
        projection.on(aCreditNote("inv-2", "AMS-2026-000043", invoice, "2026-11-30"));
        projection.on(anInvoice("inv-3", "BER-2026-000001", BERLIN, MAX, "2026-12-01"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anInvoiceIsJsonWithItsNumberAndAmountsInMinorUnits() throws Exception {
        as("mia", Role.MEMBER)
                .perform(get("/api/invoices/inv-2"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"invoiceId": "inv-2", "bookingId": "booking-of-inv-1", "kind": "CREDIT_NOTE",
                         "number": "AMS-2026-000043", "spaceId": "space-ams", "memberId": "mia",
                         "issuedOn": "2026-11-30", "currency": "EUR", "vatRatePercent": 21.00,
                         "lines": [{"description": "Desk 1, 7 Dec 2026 09:00-11:00", "net": 1488, "vat": 312,
                                    "gross": 1800, "quantity": null, "unitNet": null, "suppliedOn": null}],
                         "net": 1488, "vat": 312, "gross": 1800, "credits": "inv-1",
                         "seller": null, "buyer": null, "paidOn": null}""", JsonCompareMode.STRICT));
        as("mia", Role.MEMBER)
                .perform(get("/api/invoices/inv-1"))
                .andExpect(jsonPath("$.credits").isEmpty())
                .andExpect(jsonPath("$.kind").value("INVOICE"));
    }

    @Test
    void anotherMembersInvoiceIsRefusedAndAnUnknownOneIsNotFound() throws Exception {
        expectProblem(as("max", Role.MEMBER).perform(get("/api/invoices/inv-1")), 403, "NOT_YOUR_INVOICE");
        expectProblem(as("max", Role.MANAGER).perform(get("/api/invoices/inv-1/pdf")), 403, "NOT_YOUR_INVOICE");
        expectProblem(as("ada", Role.ADMIN).perform(get("/api/invoices/nope")), 404, "INVOICE_NOT_FOUND");
        expectProblem(
                as("ada", Role.ADMIN).perform(get("/api/invoices/nope/pdf").accept(MediaType.APPLICATION_PDF)),
                404,
                "INVOICE_NOT_FOUND");
    }

    @Test
    void thePdfIsServedInlineNamedAfterItsNumber() throws Exception {
        byte[] pdf = as("anna", Role.MANAGER)
                .perform(get("/api/invoices/inv-1/pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"AMS-2026-000042.pdf\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aMembersOwnInvoicesAreListedByIssueDateThenNumber() throws Exception {
        as("mia", Role.MEMBER)
                .perform(get("/api/members/me/invoices?size=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number").value("AMS-2026-000042"))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void administratorsListEveryInvoiceAndManagersThoseOfTheirSpaces() throws Exception {
        as("oscar", Role.OPERATOR)
                .perform(get("/api/invoices?from=2026-11-30&to=2026-12-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number").value(contains("AMS-2026-000043", "BER-2026-000001")));
        as("anna", Role.MANAGER)
                .perform(get("/api/invoices"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number").value(contains("AMS-2026-000042", "AMS-2026-000043")));
    }

    @Test
    void listsAreRefusedToMembersAndToManagersOfOtherSpaces() throws Exception {
        expectProblem(as("mia", Role.MEMBER).perform(get("/api/invoices")), 403, "NOT_ALLOWED_TO_LIST_INVOICES");
        expectProblem(
                as("anna", Role.MANAGER).perform(get("/api/invoices?spaceId=space-ber")), 403, "NOT_MANAGER_OF_SPACE");
    }

    @Test
    void datesThatAreNotIsoOrRunBackwardsAreBadInput() throws Exception {
        expectProblem(as("ada", Role.ADMIN).perform(get("/api/invoices?from=01/12/2026")), 400, "VALIDATION_FAILED");
        expectProblem(
                as("ada", Role.ADMIN).perform(get("/api/invoices?from=2026-12-02&to=2026-12-01")),
                400,
                "VALIDATION_FAILED");
    }

    private MockMvc as(String memberId, Role role) {
        var authorities = List.of(new SimpleGrantedAuthority(role.authority()));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new User(memberId, "", authorities), null, authorities));
        return mvc;
    }

    private static void expectProblem(ResultActions answer, int status, String code) throws Exception {
        answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
    }
}
