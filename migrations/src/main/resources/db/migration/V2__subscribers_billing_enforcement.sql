-- Subscribers, plans, invoices and payments; the enforcement state machine's history; the
-- transactional outbox; idempotency records. Same tenancy rules as V1.

CREATE TABLE plan (
    workspace_id  uuid           NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid           NOT NULL,
    name          text           NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    price         numeric(14, 2) NOT NULL CHECK (price >= 0),
    currency      char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    billing_cycle text           NOT NULL CHECK (billing_cycle IN ('MONTHLY', 'QUARTERLY', 'YEARLY')),
    download_kbps integer        NOT NULL CHECK (download_kbps > 0),
    upload_kbps   integer        NOT NULL CHECK (upload_kbps > 0),
    created_at    timestamptz    NOT NULL,
    updated_at    timestamptz    NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX plan_name_key ON plan (workspace_id, lower(name));

CREATE TABLE subscriber (
    workspace_id          uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id                    uuid        NOT NULL,
    account_number        text        NOT NULL,
    name                  text        NOT NULL,
    email                 text,
    phone                 text,
    pppoe_username        text,
    pppoe_password_sealed text,
    static_ipv4           inet CHECK (static_ipv4 IS NULL OR family(static_ipv4) = 4),
    static_ipv6           inet CHECK (static_ipv6 IS NULL OR family(static_ipv6) = 6),
    delegated_prefix      cidr CHECK (delegated_prefix IS NULL OR family(delegated_prefix) = 6),
    nas_id                uuid,
    plan_id               uuid        NOT NULL,
    state                 text        NOT NULL CHECK (state IN ('ACTIVE', 'WARNED', 'BLOCKED', 'SUSPENDED', 'CAPPED')),
    state_version         bigint      NOT NULL,
    state_changed_at      timestamptz NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    -- A composite key, so a subscriber can only ever reference a plan of its own workspace.
    FOREIGN KEY (workspace_id, plan_id) REFERENCES plan (workspace_id, id)
);
CREATE UNIQUE INDEX subscriber_account_number_key ON subscriber (workspace_id, account_number);
CREATE UNIQUE INDEX subscriber_pppoe_username_key ON subscriber (workspace_id, pppoe_username);
CREATE INDEX subscriber_state_idx ON subscriber (workspace_id, state, id);
CREATE INDEX subscriber_plan_idx ON subscriber (workspace_id, plan_id);

CREATE TABLE invoice (
    workspace_id  uuid           NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid           NOT NULL,
    subscriber_id uuid           NOT NULL,
    number        text           NOT NULL,
    amount        numeric(14, 2) NOT NULL CHECK (amount > 0),
    currency      char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    due_date      date           NOT NULL,
    status        text           NOT NULL CHECK (status IN ('OPEN', 'PAID', 'VOID')),
    issued_at     timestamptz    NOT NULL,
    paid_at       timestamptz,
    voided_at     timestamptz,
    payment_id    uuid,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX invoice_number_key ON invoice (workspace_id, number);
CREATE INDEX invoice_subscriber_idx ON invoice (workspace_id, subscriber_id, status, due_date);
CREATE INDEX invoice_overdue_idx ON invoice (workspace_id, due_date) WHERE status = 'OPEN';

CREATE TABLE payment (
    workspace_id       uuid           NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id                 uuid           NOT NULL,
    subscriber_id      uuid           NOT NULL,
    provider           text           NOT NULL,
    provider_reference text           NOT NULL,
    amount             numeric(14, 2) NOT NULL CHECK (amount > 0),
    currency           char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    invoice_ids        uuid[]         NOT NULL,
    received_at        timestamptz    NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX payment_provider_reference_key ON payment (workspace_id, provider, provider_reference);
CREATE INDEX payment_subscriber_idx ON payment (workspace_id, subscriber_id, received_at);

-- Every state change of a subscriber, with a per-subscriber version that only ever grows.
CREATE TABLE subscriber_transition (
    workspace_id  uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    subscriber_id uuid        NOT NULL,
    version       bigint      NOT NULL,
    from_state    text        NOT NULL,
    to_state      text        NOT NULL,
    reason        text        NOT NULL,
    actor         text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, subscriber_id, version),
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE CASCADE
);

-- Transactional outbox: written with the transition, relayed to the region's Redis Stream.
CREATE TABLE outbox_event (
    workspace_id  uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            bigint GENERATED ALWAYS AS IDENTITY,
    region        text        NOT NULL,
    subscriber_id uuid        NOT NULL,
    version       bigint      NOT NULL,
    event_type    text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz,
    stream_id     text,
    PRIMARY KEY (workspace_id, id),
    UNIQUE (workspace_id, subscriber_id, version, event_type)
);
-- Global by design: the relay drains a region across workspaces, oldest first.
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (region, id) WHERE published_at IS NULL;

-- Responses to POSTs that carried an Idempotency-Key, written in the same transaction as the effect.
CREATE TABLE idempotency_record (
    workspace_id    uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    key             text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash    text        NOT NULL,
    response_status integer,
    response_body   jsonb,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, key)
);

ALTER TABLE plan ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON plan
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
ALTER TABLE subscriber ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON subscriber
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON invoice
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
ALTER TABLE payment ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON payment
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
ALTER TABLE subscriber_transition ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON subscriber_transition
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
ALTER TABLE outbox_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON outbox_event
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
ALTER TABLE idempotency_record ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON idempotency_record
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

-- The scheduler evaluates every workspace; this is the only list of them the application can read.
CREATE FUNCTION workspace_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$ SELECT id FROM workspace ORDER BY id $$;
REVOKE ALL ON FUNCTION workspace_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workspace_ids() TO ${app_role};

GRANT SELECT, INSERT, UPDATE ON plan, subscriber, invoice TO ${app_role};
GRANT SELECT, INSERT ON payment TO ${app_role};
-- History is append-only for the application.
GRANT SELECT, INSERT ON subscriber_transition TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON outbox_event, idempotency_record TO ${app_role};
