-- The outbox relay, subscriber notifications with per-workspace mail templates, and the keys that
-- sign reminder links. Same tenancy rules as V1: the application reaches these tables only inside
-- a workspace transaction; the few global lookups are SECURITY DEFINER functions returning ids.

-- The relay drains one workspace at a time (inside its workspace transaction), oldest first.
DROP INDEX outbox_event_unpublished_idx;
CREATE INDEX outbox_event_pending_idx ON outbox_event (workspace_id, id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_idx ON outbox_event (workspace_id, published_at) WHERE published_at IS NOT NULL;

-- Which workspaces have events waiting for the relay.
CREATE FUNCTION outbox_pending_workspace_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$ SELECT DISTINCT workspace_id FROM outbox_event WHERE published_at IS NULL $$;

-- The workspaces a region's gateways enforce, for the region snapshot.
CREATE FUNCTION region_workspace_ids(p_region text) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$ SELECT id FROM workspace WHERE region = p_region ORDER BY id $$;

-- One row per mail a transition calls for; the unique key is what makes "never twice" hold.
CREATE TABLE notification (
    workspace_id    uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    subscriber_id   uuid        NOT NULL,
    version         bigint      NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('REMINDER', 'BLOCKED', 'RESTORED')),
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    attempts        integer     NOT NULL CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    recipient       text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    PRIMARY KEY (workspace_id, id),
    UNIQUE (workspace_id, subscriber_id, version, kind),
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_due_idx ON notification (workspace_id, next_attempt_at) WHERE status = 'PENDING';

-- Which workspaces have mail due at p_at.
CREATE FUNCTION notification_due_workspace_ids(p_at timestamptz) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$ SELECT DISTINCT workspace_id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= p_at $$;

-- A workspace's own wording for a notification; without a row the built-in default applies.
CREATE TABLE mail_template (
    workspace_id uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('REMINDER', 'BLOCKED', 'RESTORED')),
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body         text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, kind)
);

-- HMAC keys that sign reminder links, sealed with the platform's secrets key.
CREATE TABLE link_signing_key (
    workspace_id  uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    kid           text        NOT NULL CHECK (kid ~ '^[A-Za-z0-9_-]{16,64}$'),
    secret_sealed text        NOT NULL,
    created_at    timestamptz NOT NULL,
    retired_at    timestamptz,
    PRIMARY KEY (workspace_id, kid)
);
-- Global by design: a presented token names its key, and the key names its workspace.
CREATE UNIQUE INDEX link_signing_key_kid_key ON link_signing_key (kid);

-- The workspace a link key belongs to (only the id: the key itself stays behind RLS).
CREATE FUNCTION link_signing_key_workspace_id(p_kid text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$ SELECT workspace_id FROM link_signing_key WHERE kid = p_kid $$;

-- The workspace whose reminder host this is, for requests that arrive by host name.
CREATE FUNCTION reminder_host_workspace_id(p_host text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$ SELECT workspace_id FROM workspace_settings WHERE reminder_host = p_host $$;

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON notification
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
ALTER TABLE mail_template ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON mail_template
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
ALTER TABLE link_signing_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON link_signing_key
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

REVOKE ALL ON FUNCTION outbox_pending_workspace_ids() FROM PUBLIC;
REVOKE ALL ON FUNCTION region_workspace_ids(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION notification_due_workspace_ids(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION link_signing_key_workspace_id(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION reminder_host_workspace_id(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_pending_workspace_ids() TO ${app_role};
GRANT EXECUTE ON FUNCTION region_workspace_ids(text) TO ${app_role};
GRANT EXECUTE ON FUNCTION notification_due_workspace_ids(timestamptz) TO ${app_role};
GRANT EXECUTE ON FUNCTION link_signing_key_workspace_id(text) TO ${app_role};
GRANT EXECUTE ON FUNCTION reminder_host_workspace_id(text) TO ${app_role};

GRANT SELECT, INSERT, UPDATE ON notification, link_signing_key TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON mail_template TO ${app_role};
-- Published events past their retention are purged by the relay.
GRANT DELETE ON outbox_event TO ${app_role};
