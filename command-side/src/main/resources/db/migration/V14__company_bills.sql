-- Companies as the buyers of their monthly invoices (decision 38): name, billing address and VAT number as they
-- are now, kept by InvoicePartiesProjection like the members' names and rebuilt from the events with it.
CREATE TABLE command_side.invoice_company (
    company_id   VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    street       VARCHAR(200) NOT NULL,
    postal_code  VARCHAR(20)  NOT NULL,
    city         VARCHAR(100) NOT NULL,
    country_code CHAR(2)      NOT NULL,
    vat_id       VARCHAR(32)
);
