CREATE TABLE organization (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    slug       text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,40}$'),
    status     text        NOT NULL CHECK (status IN ('active', 'archived')),
    created_at timestamptz NOT NULL
);
