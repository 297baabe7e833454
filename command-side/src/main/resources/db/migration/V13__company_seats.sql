-- Which company holds each member's seat (a member holds one at most), and who administers each company: the
-- command side's lookups of company accounts, kept by CompanyDirectory in the transaction of the events it follows.
CREATE TABLE command_side.company_seat (
    member_id  VARCHAR(64) PRIMARY KEY,
    company_id VARCHAR(64) NOT NULL
);

CREATE TABLE command_side.company_administrator (
    company_id VARCHAR(64) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (company_id, member_id)
);
