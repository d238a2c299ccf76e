-- Workspace tenancy: every tenant-owned row carries workspace_id, indexes lead with it, and
-- row-level security limits the application role (${app_role}) to the workspace bound to the
-- current transaction with set_config('reroute.workspace_id', ..., true).
-- Migrations run as the owner role; RLS is enabled but not forced, so only non-owners are restricted.

-- NULL when no workspace is bound, so a forgotten binding yields no rows instead of all of them.
CREATE FUNCTION current_workspace_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('reroute.workspace_id', true), '')::uuid $$;

CREATE TABLE workspace (
    id           uuid PRIMARY KEY,
    slug         text        NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    region       text        NOT NULL CHECK (region ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    currency     char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
-- Global by design: the slug names the workspace across the platform.
CREATE UNIQUE INDEX workspace_slug_key ON workspace (slug);

CREATE TABLE workspace_settings (
    workspace_id        uuid PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
    version             bigint      NOT NULL,
    brand_logo_url      text,
    brand_primary_color text        NOT NULL,
    brand_accent_color  text        NOT NULL,
    brand_title         text        NOT NULL,
    brand_message       text        NOT NULL,
    brand_button_label  text        NOT NULL,
    brand_note          text,
    reminder_host       text,
    landing_ipv4        inet CHECK (landing_ipv4 IS NULL OR family(landing_ipv4) = 4),
    landing_ipv6        inet CHECK (landing_ipv6 IS NULL OR family(landing_ipv6) = 6),
    mail_from_name      text,
    mail_from_address   text,
    reminder_after_days integer     NOT NULL CHECK (reminder_after_days >= 0),
    block_after_days    integer     NOT NULL,
    block_min_amount    numeric(14, 2) NOT NULL CHECK (block_min_amount >= 0),
    updated_at          timestamptz NOT NULL,
    CHECK (block_after_days >= reminder_after_days)
);
-- Global by design: the reminder host selects the workspace for portal and redirect traffic.
CREATE UNIQUE INDEX workspace_settings_reminder_host_key ON workspace_settings (reminder_host);

CREATE TABLE allowlist_entry (
    workspace_id uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id           uuid        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('PORTAL', 'PAYMENT', 'SUPPORT', 'CUSTOM')),
    match_type   text        NOT NULL CHECK (match_type IN ('HOST', 'WILDCARD', 'CIDR')),
    value        text        NOT NULL,
    note         text,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX allowlist_entry_value_key ON allowlist_entry (workspace_id, value);

CREATE TABLE api_client (
    workspace_id uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id           uuid        NOT NULL,
    client_id    text        NOT NULL,
    name         text        NOT NULL,
    secret_hash  bytea       NOT NULL,
    scopes       text[]      NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    revoked_at   timestamptz,
    PRIMARY KEY (workspace_id, id)
);
-- Global by design: the token endpoint finds the workspace from the client id it is given.
CREATE UNIQUE INDEX api_client_client_id_key ON api_client (client_id);

CREATE TABLE audit_event (
    workspace_id uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id           bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    target       text        NOT NULL,
    changes      jsonb       NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- Platform-level (not tenant-owned): keys that sign the platform's own access tokens.
-- The private key is sealed with the platform's secrets key before it is stored.
CREATE TABLE token_signing_key (
    kid                text PRIMARY KEY,
    algorithm          text        NOT NULL,
    public_key         bytea       NOT NULL,
    private_key_sealed text        NOT NULL,
    created_at         timestamptz NOT NULL,
    retired_at         timestamptz
);

ALTER TABLE workspace ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspace
    USING (id = current_workspace_id()) WITH CHECK (id = current_workspace_id());

ALTER TABLE workspace_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspace_settings
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

ALTER TABLE allowlist_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON allowlist_entry
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

ALTER TABLE api_client ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON api_client
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON audit_event
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

-- The one cross-workspace read the application needs: turning client credentials into a
-- workspace before any workspace is known. It returns only the row for the given client id.
CREATE FUNCTION api_client_credentials(p_client_id text)
    RETURNS TABLE (workspace_id uuid, id uuid, secret_hash bytea, scopes text[], revoked boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT c.workspace_id, c.id, c.secret_hash, c.scopes, c.revoked_at IS NOT NULL
      FROM api_client c
     WHERE c.client_id = p_client_id
$$;

REVOKE ALL ON FUNCTION api_client_credentials(text) FROM PUBLIC;
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${app_role};
GRANT EXECUTE ON FUNCTION current_workspace_id() TO ${app_role};
GRANT EXECUTE ON FUNCTION api_client_credentials(text) TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON workspace, workspace_settings TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON allowlist_entry, api_client TO ${app_role};
-- The audit trail is append-only for the application.
GRANT SELECT, INSERT ON audit_event TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON token_signing_key TO ${app_role};
