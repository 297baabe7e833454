-- Company accounts (processing group "companies", docs/memberships.md#companies): each company with its billing
-- details, its administrators, the members holding its seats, and the bookings its members placed while they held
-- one (the team's bookings; their state is booking_view's).
CREATE TABLE query_side.company_view (
    company_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    street        VARCHAR(200) NOT NULL,
    postal_code   VARCHAR(20)  NOT NULL,
    city          VARCHAR(100) NOT NULL,
    country_code  CHAR(2)      NOT NULL,
    vat_id        VARCHAR(16),
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE query_side.company_administrator_view (
    company_id VARCHAR(64) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (company_id, member_id)
);

CREATE TABLE query_side.company_seat_view (
    member_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    company_id VARCHAR(64) NOT NULL,
    added_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX company_seat_view_company ON query_side.company_seat_view (company_id, member_id);

CREATE TABLE query_side.company_booking_view (
    booking_id VARCHAR(64) NOT NULL PRIMARY KEY,
    company_id VARCHAR(64) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    placed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX company_booking_view_company ON query_side.company_booking_view (company_id, placed_at, booking_id);
