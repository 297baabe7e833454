-- Invoices that pass as EU VAT invoices (decision 37): what InvoiceIssued revision 2 names, copied as issued.
-- Rows of invoices issued before it keep NULL here, as their events do: those documents named the space and
-- the member's id. Lines gain "quantity", "unitNet" and "suppliedOn" in their JSON, absent in older lines.
ALTER TABLE query_side.invoice_view
    -- {"legalName", "address": {…}, "vatNumber", "registrationNumber", "paymentTerms"}
    ADD COLUMN seller  JSONB,
    -- {"name", "billingAddress": {…} or null, "vatNumber" or null}
    ADD COLUMN buyer   JSONB,
    -- The day an invoice was paid; NULL while it is due, and for a credit note.
    ADD COLUMN paid_on DATE;
