-- Payments subscribers make themselves in the portal: each workspace's payment provider, the
-- checkouts they start, and the provider events already applied (webhooks arrive more than once).

CREATE TABLE workspace_payment_provider (
    workspace_id                 uuid        NOT NULL PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
    provider                     text        NOT NULL CHECK (provider IN ('SANDBOX', 'STRIPE')),
    -- Sealed with the platform's secrets key, bound to the workspace; never returned by the API.
    stripe_secret_key            text,
    stripe_webhook_secret        text,
    updated_at                   timestamptz NOT NULL,
    updated_by                   text        NOT NULL,
    CHECK (provider <> 'STRIPE' OR (stripe_secret_key IS NOT NULL AND stripe_webhook_secret IS NOT NULL))
);

CREATE TABLE checkout (
    workspace_id        uuid          NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id                  uuid          NOT NULL,
    subscriber_id       uuid          NOT NULL,
    purpose             text          NOT NULL CHECK (purpose IN ('PAY', 'TOP_UP')),
    provider            text          NOT NULL CHECK (provider IN ('SANDBOX', 'STRIPE')),
    -- PAY: the open invoices it pays; TOP_UP: the product it buys.
    invoice_ids         uuid[]        NOT NULL DEFAULT '{}',
    top_up_product_id   uuid,
    amount              numeric(14, 2) NOT NULL CHECK (amount > 0),
    currency            text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status              text          NOT NULL CHECK (status IN ('OPEN', 'COMPLETED', 'EXPIRED', 'FAILED')),
    provider_session_id text,
    redirect_url        text,
    payment_id          uuid,
    created_at          timestamptz   NOT NULL,
    expires_at          timestamptz   NOT NULL,
    completed_at        timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE CASCADE,
    CHECK ((purpose = 'TOP_UP') = (top_up_product_id IS NOT NULL))
);
CREATE UNIQUE INDEX checkout_provider_session_key ON checkout (workspace_id, provider, provider_session_id);
CREATE INDEX checkout_subscriber_idx ON checkout (workspace_id, subscriber_id, created_at DESC);

CREATE TABLE payment_provider_event (
    workspace_id uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    provider     text        NOT NULL,
    event_id     text        NOT NULL,
    type         text        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, provider, event_id)
);

ALTER TABLE workspace_payment_provider ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspace_payment_provider
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

ALTER TABLE checkout ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON checkout
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

ALTER TABLE payment_provider_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON payment_provider_event
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON workspace_payment_provider TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON checkout TO ${app_role};
GRANT SELECT, INSERT ON payment_provider_event TO ${app_role};
