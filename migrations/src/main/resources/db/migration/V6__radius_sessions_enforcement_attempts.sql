-- RADIUS sessions as the gateways report them through their region's accounting stream. A NAS may
-- reuse an Acct-Session-Id after a restart, so a session is (NAS, session id, start) and the key is
-- an identity; the consumer matches an update to the row of that NAS and session id whose start is
-- within a minute of the update's (gateways derive the start from Acct-Session-Time).
CREATE TABLE radius_session (
    workspace_id    uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    nas_id          uuid        NOT NULL,
    session_id      text        NOT NULL CHECK (length(session_id) BETWEEN 1 AND 253),
    subscriber_id   uuid,
    username        text CHECK (length(username) <= 253),
    framed_ipv4     inet,
    started_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    stopped_at      timestamptz,
    terminate_cause text CHECK (length(terminate_cause) <= 64),
    -- 64-bit totals with the gigawords folded in; they only ever grow.
    input_octets    bigint      NOT NULL CHECK (input_octets >= 0),
    output_octets   bigint      NOT NULL CHECK (output_octets >= 0),
    session_seconds bigint      NOT NULL CHECK (session_seconds >= 0),
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, nas_id) REFERENCES nas_client (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE SET NULL (subscriber_id)
);
CREATE INDEX radius_session_key_idx ON radius_session (workspace_id, nas_id, session_id, started_at);
CREATE INDEX radius_session_subscriber_idx ON radius_session (workspace_id, subscriber_id, id DESC)
    WHERE subscriber_id IS NOT NULL;
CREATE INDEX radius_session_open_idx ON radius_session (workspace_id, id DESC) WHERE stopped_at IS NULL;
CREATE INDEX radius_session_stopped_idx ON radius_session (workspace_id, stopped_at) WHERE stopped_at IS NOT NULL;

ALTER TABLE radius_session ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON radius_session
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
-- DELETE: stopped sessions past their retention are purged.
GRANT SELECT, INSERT, UPDATE, DELETE ON radius_session TO ${app_role};

-- Each step a gateway took to bring a subscriber's open session in line with a state change (CoA,
-- Disconnect, RouterOS API) and how it ended: the subscriber's enforcement history. The id is the
-- gateway's, so a report applied twice is stored once.
CREATE TABLE enforcement_attempt (
    workspace_id  uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    id            uuid        NOT NULL,
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    subscriber_id uuid        NOT NULL,
    state_version bigint      NOT NULL,
    change        text        NOT NULL CHECK (change IN ('RESTRICT', 'RESTORE', 'RATE')),
    nas_id        uuid,
    session_id    text        NOT NULL CHECK (length(session_id) BETWEEN 1 AND 253),
    action        text        NOT NULL CHECK (action IN ('COA', 'DISCONNECT', 'ROUTER_API')),
    outcome       text        NOT NULL
        CHECK (outcome IN ('ACK', 'NAK', 'SESSION_GONE', 'TIMEOUT', 'NO_SECRET', 'UNAVAILABLE')),
    error_cause   integer,
    attempts      integer     NOT NULL CHECK (attempts >= 0),
    region        text        NOT NULL,
    attempted_at  timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, subscriber_id) REFERENCES subscriber (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, nas_id) REFERENCES nas_client (workspace_id, id) ON DELETE SET NULL (nas_id)
);
CREATE INDEX enforcement_attempt_subscriber_idx ON enforcement_attempt (workspace_id, subscriber_id, seq DESC);
CREATE INDEX enforcement_attempt_time_idx ON enforcement_attempt (workspace_id, attempted_at);

ALTER TABLE enforcement_attempt ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON enforcement_attempt
    USING (workspace_id = current_workspace_id()) WITH CHECK (workspace_id = current_workspace_id());
GRANT SELECT, INSERT, DELETE ON enforcement_attempt TO ${app_role};
