-- Workspace-wide events (workspace.changed: reminder host, landing addresses, allowlist) travel the
-- same outbox and region stream as subscriber events, and concern no subscriber.
ALTER TABLE outbox_event ALTER COLUMN subscriber_id DROP NOT NULL;
