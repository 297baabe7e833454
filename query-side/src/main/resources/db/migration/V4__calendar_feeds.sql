-- Members' secret calendar feed addresses (GET /api/calendar-feeds/{token}.ics). Not a read model: nothing here
-- comes from events, so no projection's reset or replay touches it (docs/decisions.md, decision 14). Only the
-- SHA-256 of a token is kept, so whoever reads this table cannot read anyone's feed. One feed per member:
-- issuing a new token replaces the old one.
CREATE TABLE query_side.calendar_feed (
    member_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    token_sha256 CHAR(64)    NOT NULL UNIQUE,
    issued_at    TIMESTAMPTZ NOT NULL
);
