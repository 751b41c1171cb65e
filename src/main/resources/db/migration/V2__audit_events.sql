CREATE TABLE audit_event (
    id            uuid PRIMARY KEY,
    org_id        uuid        NOT NULL,
    actor_user_id uuid,
    action        text        NOT NULL,
    target_type   text        NOT NULL,
    target_id     text,
    before        jsonb,
    after         jsonb,
    created_at    timestamptz NOT NULL
);
CREATE INDEX audit_event_org_time ON audit_event (org_id, created_at DESC, id DESC);

-- the log is append-only: history cannot be edited, not even by a bug
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
