-- RADIUS: the NAS clients of a workspace, the restricted ("expired") profile its blocked subscribers
-- are accepted into, and a per-subscriber profile version for changes gateways must hear about
-- that are not state changes (a new subscriber, new credentials).

CREATE TABLE nas_client (
    workspace_id                  uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id                            uuid        NOT NULL,
    name                          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- One host address: requests are matched on their source address.
    address                       inet        NOT NULL CHECK (masklen(address) = CASE family(address) WHEN 4 THEN 32 ELSE 128 END),
    -- The workspace's region, copied so that an address is unique among the gateways that see it.
    region                        text        NOT NULL,
    secret_sealed                 text        NOT NULL,
    coa_port                      integer     NOT NULL CHECK (coa_port BETWEEN 1 AND 65535),
    vendor                        text        NOT NULL CHECK (vendor IN ('MIKROTIK', 'GENERIC')),
    require_message_authenticator boolean     NOT NULL,
    created_at                    timestamptz NOT NULL,
    updated_at                    timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
-- Global by design: a NAS source address belongs to exactly one workspace in its region.
CREATE UNIQUE INDEX nas_client_address_key ON nas_client (region, address);
CREATE UNIQUE INDEX nas_client_name_key ON nas_client (workspace_id, lower(name));

ALTER TABLE nas_client ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON nas_client
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON nas_client TO ${app_role};

-- A subscriber's NAS must be one of its workspace's; deleting the NAS leaves the subscriber unbound.
UPDATE subscriber s SET nas_id = NULL
 WHERE nas_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM nas_client n WHERE n.workspace_id = s.workspace_id AND n.id = s.nas_id);
ALTER TABLE subscriber
    ADD CONSTRAINT subscriber_nas_fkey FOREIGN KEY (workspace_id, nas_id)
        REFERENCES nas_client (workspace_id, id) ON DELETE SET NULL (nas_id);
CREATE INDEX subscriber_nas_idx ON subscriber (workspace_id, nas_id) WHERE nas_id IS NOT NULL;

-- Bumped with every change a gateway must apply that is not a state change.
ALTER TABLE subscriber ADD COLUMN profile_version bigint NOT NULL DEFAULT 1;

ALTER TABLE workspace_settings
    ADD COLUMN restricted_address_list text NOT NULL DEFAULT 'reroute-restricted'
        CHECK (restricted_address_list ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    ADD COLUMN restricted_rate_limit text NOT NULL DEFAULT '1M/1M',
    ADD COLUMN restricted_pool text CHECK (restricted_pool ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    ADD COLUMN acct_interim_interval integer NOT NULL DEFAULT 300 CHECK (acct_interim_interval BETWEEN 60 AND 86400);
