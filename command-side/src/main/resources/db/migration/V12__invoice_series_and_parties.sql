-- Invoices that pass as EU VAT invoices (decision 37). No issued invoice changes: their numbers are in their events.

-- 1. One counter per invoice series (a prefix) and year instead of per space and year, so that no two counters can
--    hand out the same number. A series continues from the highest number issued with its prefix by any space, as
--    a rebuild from the issued invoices would count it.
CREATE TABLE command_side.invoice_series_counter (
    prefix      VARCHAR(8) NOT NULL,
    year        INTEGER    NOT NULL,
    last_number BIGINT     NOT NULL,
    PRIMARY KEY (prefix, year)
);

INSERT INTO command_side.invoice_series_counter (prefix, year, last_number)
SELECT d.invoice_prefix, c.year, max(c.last_number)
FROM command_side.invoice_counter c
JOIN command_side.space_directory d ON d.space_id = c.space_id
GROUP BY d.invoice_prefix, c.year;

DROP TABLE command_side.invoice_counter;
ALTER TABLE command_side.invoice_series_counter RENAME TO invoice_counter;
ALTER INDEX command_side.invoice_series_counter_pkey RENAME TO invoice_counter_pkey;

-- 2. Each space's prefix its own. Spaces whose names start alike shared one ("AMS" for Amsterdam Central and
--    Amsterdam South): the earliest registered keeps it, the next ones take AMS2, AMS3, … and start a new series.
--    This is the order in which the space directory's replay assigns them (SpaceDirectoryProjection).
WITH registered AS (
    SELECT aggregate_identifier AS space_id, min(global_index) AS registered_at
    FROM event_store.domain_event_entry
    WHERE payload_type = 'com.coworkly.events.catalogue.SpaceRegistered'
    GROUP BY aggregate_identifier),
ranked AS (
    SELECT d.space_id,
           d.invoice_prefix,
           row_number() OVER (PARTITION BY d.invoice_prefix ORDER BY r.registered_at NULLS LAST, d.space_id) AS n
    FROM command_side.space_directory d
    LEFT JOIN registered r ON r.space_id = d.space_id)
UPDATE command_side.space_directory d
SET invoice_prefix = ranked.invoice_prefix || ranked.n
FROM ranked
WHERE d.space_id = ranked.space_id AND ranked.n > 1;

CREATE UNIQUE INDEX space_directory_invoice_prefix ON command_side.space_directory (invoice_prefix);

-- 3. The legal entity assigned to sell a space's bookings (LegalEntityAssigned); null: the network's default seller.
ALTER TABLE command_side.space_directory ADD COLUMN legal_entity JSONB;

-- 4. The names an invoice prints (InvoicePartiesProjection), filled from the events stored so far. A NUL escape,
--    which no name should hold, is dropped rather than failing the cast to jsonb.
CREATE TABLE command_side.invoice_buyer (
    member_id VARCHAR(64) NOT NULL PRIMARY KEY,
    name      TEXT        NOT NULL
);

CREATE TABLE command_side.invoice_resource (
    resource_id VARCHAR(64) NOT NULL PRIMARY KEY,
    name        TEXT        NOT NULL
);

INSERT INTO command_side.invoice_buyer (member_id, name)
SELECT member_id, name
FROM (SELECT aggregate_identifier AS member_id,
             replace(convert_from(payload, 'UTF8'), '\u0000', '')::jsonb ->> 'name' AS name
      FROM event_store.domain_event_entry
      WHERE payload_type = 'com.coworkly.events.identity.MemberRegistered') registered
WHERE name IS NOT NULL
ON CONFLICT (member_id) DO NOTHING;

INSERT INTO command_side.invoice_resource (resource_id, name)
SELECT resource_id, name
FROM (SELECT DISTINCT ON (aggregate_identifier)
             aggregate_identifier AS resource_id,
             replace(convert_from(payload, 'UTF8'), '\u0000', '')::jsonb -> 'description' ->> 'name' AS name
      FROM event_store.domain_event_entry
      WHERE payload_type IN ('com.coworkly.events.catalogue.ResourceAdded',
                             'com.coworkly.events.catalogue.ResourceDescriptionRevised')
      ORDER BY aggregate_identifier, global_index DESC) named
WHERE name IS NOT NULL;
