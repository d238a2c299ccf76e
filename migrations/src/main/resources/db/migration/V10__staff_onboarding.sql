-- ISP staff who sign in to the admin UI, and how far each workspace got through onboarding.

CREATE TABLE staff_user (
    workspace_id         uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id                   uuid        NOT NULL,
    email                text        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name         text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    role                 text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'OPERATOR', 'SUPPORT')),
    -- bcrypt in Spring Security's {id} format; NULL for staff who only sign in through the
    -- workspace's own identity provider.
    password_hash        text,
    created_at           timestamptz NOT NULL,
    created_by           text        NOT NULL,
    disabled_at          timestamptz,
    last_sign_in_at      timestamptz,
    PRIMARY KEY (workspace_id, id)
);
-- Global by design: staff belong to exactly one workspace, and sign-in finds it from the email.
CREATE UNIQUE INDEX staff_user_email_key ON staff_user (email);

CREATE TABLE workspace_onboarding (
    workspace_id uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    step         text        NOT NULL CHECK (step IN ('BRANDING', 'REMINDER_HOST', 'ALLOWLIST', 'NETWORK', 'CHECK')),
    completed_at timestamptz NOT NULL,
    completed_by text        NOT NULL,
    PRIMARY KEY (workspace_id, step)
);

ALTER TABLE staff_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON staff_user
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

ALTER TABLE workspace_onboarding ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspace_onboarding
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());

-- The cross-workspace read sign-in needs before any workspace is known: the one row of that email.
CREATE FUNCTION staff_credentials(p_email text)
    RETURNS TABLE (workspace_id uuid, id uuid, password_hash text, disabled boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT s.workspace_id, s.id, s.password_hash, s.disabled_at IS NOT NULL
      FROM staff_user s
     WHERE s.email = lower(p_email)
$$;

REVOKE ALL ON FUNCTION staff_credentials(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_credentials(text) TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON staff_user TO ${app_role};
GRANT SELECT, INSERT, DELETE ON workspace_onboarding TO ${app_role};

-- The dashboard counts today's blocks, caps and restores by time.
CREATE INDEX subscriber_transition_time_idx ON subscriber_transition (workspace_id, occurred_at);
