-- Events of the service itself (a dead payment event or mail) belong to no org. They move out of audit_event into
-- their own table, so that audit_event is org-owned without exception: org_id NOT NULL and a primary key that
-- includes it (the distribution rule, DistributionRuleIntegrationTests; docs/operations.md).
SET LOCAL lock_timeout = '5s';
CREATE TABLE service_audit_event (
    id            uuid PRIMARY KEY,
    actor_user_id uuid,
    action        text        NOT NULL,
    target_type   text        NOT NULL,
    target_id     text,
    before        jsonb,
    after         jsonb,
    created_at    timestamptz NOT NULL
);
CREATE INDEX service_audit_event_time ON service_audit_event (created_at DESC, id DESC);

CREATE FUNCTION service_audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'service_audit_event is append-only';
END $$;
CREATE TRIGGER service_audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON service_audit_event
    FOR EACH ROW EXECUTE FUNCTION service_audit_event_append_only();

INSERT INTO service_audit_event (id, actor_user_id, action, target_type, target_id, before, after, created_at)
SELECT id, actor_user_id, action, target_type, target_id, before, after, created_at
  FROM audit_event WHERE org_id IS NULL;

-- The move is the one delete audit_event ever sees: its rows now live in service_audit_event.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete;
DELETE FROM audit_event WHERE org_id IS NULL;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete;

ALTER TABLE audit_event ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE audit_event DROP CONSTRAINT audit_event_pkey, ADD PRIMARY KEY (org_id, id);
