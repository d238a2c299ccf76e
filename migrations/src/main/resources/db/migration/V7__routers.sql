-- MikroTik routers a workspace lets the gateways configure over the RouterOS API, the jobs staff ask
-- for (test the connection, apply the unpaid-flow configuration, reconcile), and what the gateways
-- last found on each router.

CREATE TABLE router (
    workspace_id      uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id                uuid        NOT NULL,
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    host              text        NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port              integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    tls               boolean     NOT NULL,
    username          text        NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
    password_sealed   text        NOT NULL,
    -- The workspace's region, copied: the region's gateways are the ones that reach the router.
    region            text        NOT NULL,
    role              text        NOT NULL CHECK (role IN ('ACCESS', 'EDGE')),
    -- The NAS client this router is, when it also terminates sessions: its sessions' addresses
    -- are reconciled into the restricted address list.
    nas_id            uuid,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- What the gateways last found: the router's identity and version, when they last reached it,
    -- the last error, and the last reconciliation's drift report.
    identity          text,
    routeros_version  text,
    last_contact_at   timestamptz,
    last_error        text,
    reconciled_at     timestamptz,
    drift             jsonb,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, nas_id) REFERENCES nas_client (workspace_id, id) ON DELETE SET NULL (nas_id)
);
CREATE UNIQUE INDEX router_name_key ON router (workspace_id, lower(name));
CREATE INDEX router_nas_idx ON router (workspace_id, nas_id) WHERE nas_id IS NOT NULL;

ALTER TABLE router ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON router
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON router TO ${app_role};

CREATE TABLE router_job (
    workspace_id  uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid        NOT NULL,
    router_id     uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('TEST', 'APPLY', 'RECONCILE')),
    status        text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    finished_at   timestamptz,
    -- What the gateway did or found (changes made, drift), and why it failed.
    result        jsonb,
    error         text,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, router_id) REFERENCES router (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX router_job_router_idx ON router_job (workspace_id, router_id, requested_at DESC);

ALTER TABLE router_job ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON router_job
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON router_job TO ${app_role};

-- The RouterOS API step of live enforcement can now fail on a router that is registered.
ALTER TABLE enforcement_attempt DROP CONSTRAINT enforcement_attempt_outcome_check;
ALTER TABLE enforcement_attempt ADD CONSTRAINT enforcement_attempt_outcome_check
    CHECK (outcome IN ('ACK', 'NAK', 'SESSION_GONE', 'TIMEOUT', 'NO_SECRET', 'UNAVAILABLE', 'FAILED'));
