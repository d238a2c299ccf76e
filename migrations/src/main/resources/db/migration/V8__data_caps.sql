-- Data caps. A plan without an allowance is unlimited (its usage is still counted). Data cycles are
-- monthly, starting at 00:00 UTC on the plan's cycle day, or on the day of the month the subscriber
-- signed up; a day past the month's end (31 in April, 29-31 in February) means the month's last day.
ALTER TABLE plan
    ADD COLUMN data_allowance_bytes   bigint CHECK (data_allowance_bytes > 0),
    ADD COLUMN cycle_anchor           text     NOT NULL DEFAULT 'DAY_OF_MONTH'
        CHECK (cycle_anchor IN ('DAY_OF_MONTH', 'SIGNUP')),
    ADD COLUMN cycle_day              smallint NOT NULL DEFAULT 1 CHECK (cycle_day BETWEEN 1 AND 31),
    -- Unused plan allowance carried into the next cycle, at most rollover_max_bytes of unexpired
    -- rollover at a time, each carry usable for rollover_cycles cycles.
    ADD COLUMN rollover_enabled       boolean  NOT NULL DEFAULT false,
    ADD COLUMN rollover_max_bytes     bigint CHECK (rollover_max_bytes >= 0),
    ADD COLUMN rollover_cycles        smallint NOT NULL DEFAULT 1 CHECK (rollover_cycles BETWEEN 1 AND 12),
    -- Percentages of the cycle's data at which the subscriber is alerted, once each per cycle.
    ADD COLUMN alert_thresholds       smallint[] NOT NULL DEFAULT '{80,100}'
        CHECK (cardinality(alert_thresholds) <= 5 AND 1 <= ALL (alert_thresholds) AND 100 >= ALL (alert_thresholds)),
    ADD COLUMN cap_action             text     NOT NULL DEFAULT 'REDIRECT' CHECK (cap_action IN ('REDIRECT', 'THROTTLE')),
    ADD COLUMN throttle_download_kbps integer CHECK (throttle_download_kbps > 0),
    ADD COLUMN throttle_upload_kbps   integer CHECK (throttle_upload_kbps > 0),
    ADD CONSTRAINT plan_throttle_rate_check CHECK (cap_action <> 'THROTTLE'
        OR (throttle_download_kbps IS NOT NULL AND throttle_upload_kbps IS NOT NULL)),
    ADD CONSTRAINT plan_rollover_check CHECK (NOT rollover_enabled OR rollover_max_bytes IS NOT NULL);

-- One subscriber's data cycle, opened by the first usage in it or by the scheduler at its start.
CREATE TABLE usage_cycle (
    workspace_id        uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    subscriber_id       uuid        NOT NULL,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    -- The plan's allowance when the cycle opened; NULL: unlimited.
    allowance_bytes     bigint CHECK (allowance_bytes > 0),
    -- Of the usage below, what the plan allowance covered; the rest came from grants or went over.
    plan_used_bytes     bigint      NOT NULL DEFAULT 0 CHECK (plan_used_bytes >= 0),
    used_bytes          bigint      NOT NULL DEFAULT 0 CHECK (used_bytes >= plan_used_bytes),
    -- Thresholds (percent) already alerted this cycle.
    alerted             smallint[]  NOT NULL DEFAULT '{}',
    -- The remaining bytes gateways were last told (for Mikrotik-Total-Limit at login).
    published_remaining bigint,
    -- Set once the next cycle opened: the cycle takes no more usage and its rollover was carried.
    closed              boolean     NOT NULL DEFAULT false,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, subscriber_id, starts_at),
    CHECK (ends_at > starts_at),
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE CASCADE
);
-- Rewritten on every batch of accounting: room on each page lets PostgreSQL update in place (HOT).
ALTER TABLE usage_cycle SET (fillfactor = 80);
ALTER TABLE radius_session SET (fillfactor = 80);
-- One open cycle per subscriber; the scheduler finds those that ended.
CREATE UNIQUE INDEX usage_cycle_open_key ON usage_cycle (workspace_id, subscriber_id) WHERE NOT closed;
CREATE INDEX usage_cycle_ended_idx ON usage_cycle (workspace_id, ends_at) WHERE NOT closed;

ALTER TABLE usage_cycle ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON usage_cycle
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
GRANT SELECT, INSERT, UPDATE ON usage_cycle TO ${app_role};

-- What a workspace sells on top of a plan's allowance.
CREATE TABLE top_up_product (
    workspace_id  uuid           NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid           NOT NULL,
    name          text           NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    bytes         bigint         NOT NULL CHECK (bytes > 0),
    price         numeric(14, 2) NOT NULL CHECK (price >= 0),
    currency      char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- NULL: never expires.
    validity_days integer CHECK (validity_days BETWEEN 1 AND 3660),
    active        boolean        NOT NULL,
    created_at    timestamptz    NOT NULL,
    updated_at    timestamptz    NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX top_up_product_name_key ON top_up_product (workspace_id, lower(name));

ALTER TABLE top_up_product ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON top_up_product
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
GRANT SELECT, INSERT, UPDATE ON top_up_product TO ${app_role};

-- Data on top of a cycle's plan allowance: a rollover carried from a cycle, or a top-up bought.
-- Usage past the plan allowance consumes rollovers, then top-ups, each oldest-expiring first.
CREATE TABLE data_grant (
    workspace_id       uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id                 uuid        NOT NULL,
    subscriber_id      uuid        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('ROLLOVER', 'TOP_UP')),
    bytes              bigint      NOT NULL CHECK (bytes > 0),
    consumed_bytes     bigint      NOT NULL DEFAULT 0 CHECK (consumed_bytes BETWEEN 0 AND bytes),
    valid_from         timestamptz NOT NULL,
    -- NULL: never expires.
    expires_at         timestamptz CHECK (expires_at > valid_from),
    -- ROLLOVER: the cycle it was carried from.
    source_cycle_start timestamptz,
    -- TOP_UP: the product and what was paid, who granted it and the payment's reference.
    product_id         uuid,
    product_name       text,
    price              numeric(14, 2),
    currency           char(3),
    reference          text CHECK (length(reference) <= 200),
    actor              text        NOT NULL,
    created_at         timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    CHECK ((kind = 'ROLLOVER') = (source_cycle_start IS NOT NULL)),
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, product_id) REFERENCES top_up_product (workspace_id, id) ON DELETE SET NULL (product_id)
);
-- A cycle's rollover is carried once.
CREATE UNIQUE INDEX data_grant_rollover_key ON data_grant (workspace_id, subscriber_id, source_cycle_start)
    WHERE kind = 'ROLLOVER';
CREATE INDEX data_grant_subscriber_idx ON data_grant (workspace_id, subscriber_id, expires_at);

ALTER TABLE data_grant ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON data_grant
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
GRANT SELECT, INSERT, UPDATE ON data_grant TO ${app_role};

-- Usage alerts are notifications too, by mail or SMS. Their version is the cycle's first day
-- (days since 1970-01-01) times 1000 plus the threshold, so each threshold alerts once per cycle
-- and channel; detail holds the figures the message shows.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('REMINDER', 'BLOCKED', 'RESTORED', 'USAGE_ALERT'));
ALTER TABLE notification
    ADD COLUMN channel text NOT NULL DEFAULT 'EMAIL' CHECK (channel IN ('EMAIL', 'SMS')),
    ADD COLUMN detail  jsonb;
ALTER TABLE notification DROP CONSTRAINT notification_workspace_id_subscriber_id_version_kind_key;
ALTER TABLE notification ADD CONSTRAINT notification_once_key
    UNIQUE (workspace_id, subscriber_id, version, kind, channel);
ALTER TABLE mail_template DROP CONSTRAINT mail_template_kind_check;
ALTER TABLE mail_template ADD CONSTRAINT mail_template_kind_check
    CHECK (kind IN ('REMINDER', 'BLOCKED', 'RESTORED', 'USAGE_ALERT'));
