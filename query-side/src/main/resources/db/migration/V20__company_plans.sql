-- The plan a company holds for its seats (processing group "companies", docs/memberships.md#company-plans): the
-- period running, what it charged and granted to the company's pool, and, once cancelled, when it ends. A plan that
-- ended leaves no row. The pool's balance and statement are the credits read model's, under the company's account.
CREATE TABLE query_side.company_plan_view (
    company_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    plan_id       VARCHAR(64)  NOT NULL,
    plan_name     VARCHAR(200) NOT NULL,
    plan_revision INT          NOT NULL,
    home_space_id VARCHAR(64)  NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    period_number INT,
    period_start  TIMESTAMPTZ,
    period_end    TIMESTAMPTZ,
    seats         INT,
    fee           BIGINT,
    currency      CHAR(3)      NOT NULL,
    pool_minutes  BIGINT,
    ends_at       TIMESTAMPTZ
);
