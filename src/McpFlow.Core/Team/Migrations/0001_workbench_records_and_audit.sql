-- McpFlow team database, migration 1 (issue 16): the workbench's run records and the audit chain.
-- Never edit this script once released: McpFlow records its checksum and refuses to start when it changes.

-- Run records (manifest.json, review.json, approval.json, and archived attempts as attempts/N/<record>), byte for byte
-- as the file store writes them; every write's SHA-256 is in the audit chain, which reads check against.
CREATE TABLE mcpflow_run_records (
    run_id text NOT NULL,
    record text NOT NULL,
    body bytea NOT NULL,
    PRIMARY KEY (run_id, record)
);

-- The audit chain: one row per entry, entry holding the entry's JSON exactly as hashed (the file trail's line), hash
-- its SHA-256 over the JSON without the hash; the other columns repeat fields of the entry for lookups and are checked
-- against it.
CREATE TABLE mcpflow_audit (
    seq bigint PRIMARY KEY,
    entry text NOT NULL,
    hash text NOT NULL,
    user_name text,
    run_id text,
    record text,
    record_hash text
);
CREATE INDEX mcpflow_audit_records ON mcpflow_audit (run_id, record, seq) WHERE record_hash IS NOT NULL;

-- The chain's head (one row): the last entry's seq and hash, locked FOR UPDATE by every append so appends from all
-- processes are serialised; a chain that ends elsewhere lost entries. broken records why the chain was found broken.
CREATE TABLE mcpflow_audit_head (
    id integer PRIMARY KEY CHECK (id = 1),
    seq bigint NOT NULL,
    hash text NOT NULL,
    broken text
);
INSERT INTO mcpflow_audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
