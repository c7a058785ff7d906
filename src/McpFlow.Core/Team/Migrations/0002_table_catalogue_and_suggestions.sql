-- McpFlow team database, migration 2 (issue 16): the shared table catalogue and the suggestion records.
-- Never edit this script once released: McpFlow records its checksum and refuses to start when it changes.

-- The table catalogue: one row per workspace table (name_key is the lower-cased name, as DuckDB matches names), its
-- current version and the immutable Parquet snapshot holding that version's rows on the shared workspace folder
-- (team/tables/<sha256>.parquet: the path follows from the hash, it is never stored). metadata is the data group's JSON
-- (the table's recorded source and lineage); a dropped table keeps its row with dropped = true so every process drops
-- its local copy. Writers hold pg_advisory_lock(0x6D636674, hashtext(name_key)) while they write and publish.
CREATE TABLE mcpflow_tables (
    name_key text PRIMARY KEY,
    name text NOT NULL,
    version bigint NOT NULL,
    columns text NOT NULL,
    row_count bigint NOT NULL,
    sha256 text NOT NULL,
    metadata text,
    operation text NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    dropped boolean NOT NULL DEFAULT false
);

-- The data group's transformation suggestions (suggest_transformations), by table: an id made through one server is
-- applied through another. Reloading a table forgets them (as in the workspace database).
CREATE TABLE mcpflow_transform_suggestions (
    name_key text NOT NULL,
    id text NOT NULL,
    rank integer NOT NULL,
    suggestion text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (name_key, id)
);

-- Hyperparameter suggestion records (suggest_hyperparams), one JSON document per id.
CREATE TABLE mcpflow_hyperparam_suggestions (
    id text PRIMARY KEY,
    body text NOT NULL,
    created_at timestamptz NOT NULL
);
