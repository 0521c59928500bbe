import type { Migration } from '../migration'

// Issue 15, item 3: the answers of writes that carried an idempotency key. A retry of the same
// write (same key) gets the stored answer instead of running again, and a client whose answer was
// lost (host killed between commit and answer) reads back what happened. `result` is the Result
// JSON, NULL when it was too large to keep (the call is still known as done). Rows are pruned by
// age and count (electron/main/api/requestLedger.ts): they hold answers, never the only copy of data.
const sql = `
CREATE TABLE answered_request (
  key TEXT PRIMARY KEY CHECK (length(key) = 36),
  op TEXT NOT NULL CHECK (length(op) BETWEEN 1 AND 100),
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  result TEXT CHECK (result IS NULL OR json_valid(result)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX answered_request_created ON answered_request (created_at);
`

export const migration0110: Migration = {
  version: 110,
  name: 'answered-requests',
  up: (db) => db.exec(sql)
}
