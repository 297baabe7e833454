-- Sign-in attempts that count against the token endpoint's limits (decision 29): every failed one within the
-- window, and for the moment it takes to check a password, the attempt in progress. Shared by every command-side
-- instance, so an attacker gains nothing by spreading guesses over them. The account is kept as a hash of the
-- email typed: the table must not become a list of who tried which address.
CREATE TABLE command_side.sign_in_attempt (
    attempt_id     BIGSERIAL    PRIMARY KEY,
    account_key    CHAR(64)     NOT NULL,
    client_address VARCHAR(64)  NOT NULL,
    attempted_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sign_in_attempt_by_account ON command_side.sign_in_attempt (account_key, attempted_at);
CREATE INDEX sign_in_attempt_by_address ON command_side.sign_in_attempt (client_address, attempted_at);
CREATE INDEX sign_in_attempt_by_time ON command_side.sign_in_attempt (attempted_at);
